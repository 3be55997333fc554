import { defineConfig } from 'vitest/config';

// No React plugin: Vite's built-in transform handles JSX with the automatic runtime (no fast refresh, which
// the client does not need). The dev server proxies the gateway so the client uses relative URLs everywhere.
export default defineConfig({
  oxc: { jsx: { runtime: 'automatic' } },
  build: { outDir: 'dist', emptyOutDir: true },
  server: {
    proxy: {
      '/api': 'http://127.0.0.1:5000',
      '/hubs': { target: 'http://127.0.0.1:5000', ws: true },
    },
  },
  test: { environment: 'node', include: ['src/**/*.test.ts', 'src/**/*.test.tsx'] },
});
