import { useSyncExternalStore } from 'react';

interface Observable { subscribe(listener: () => void): () => void; version: number }

/** Re-renders when a plain-TypeScript store changes (both stores bump version on every change). */
export function useVersion(source: Observable): number {
  return useSyncExternalStore((listener) => source.subscribe(listener), () => source.version);
}
