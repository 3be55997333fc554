import { expect, it, vi } from 'vitest';
import { parseErrorCode } from '../api/errors';
import { RestApi } from '../api/rest';
import { ChatStore } from '../state/chatStore';
import { ChatClient } from './chatClient';
import { createHub } from './hub';

// Runs only against a running system: CHATDAPR_GATEWAY_URL=http://127.0.0.1:5000 npm test (after `make run`).
const base = (globalThis as { process?: { env: Record<string, string | undefined> } }).process?.env.CHATDAPR_GATEWAY_URL ?? '';
const api = new RestApi((url, init) => fetch(base + String(url), init));

async function user(name: string) {
  await api.register(name, 'correct horse battery', name.toUpperCase());
  const login = await api.login(name, 'correct horse battery');
  const client = new ChatClient(createHub(() => login.accessToken, 'test', base), new ChatStore(login.userId));
  await client.start();
  return { client, login };
}

it.skipIf(!base)('two users find each other, share a direct room and exchange a message through the gateway', async () => {
  const suffix = Math.random().toString(36).slice(2, 8);
  const alice = await user(`alice_${suffix}`);
  const bob = await user(`bob_${suffix}`);
  expect((await api.search(alice.login.accessToken, `bob_${suffix}`))[0].userId).toBe(bob.login.userId);
  const room = await alice.client.createRoom('direct', '', [bob.login.userId]);
  await vi.waitFor(() => expect(bob.client.store.room(room.roomId)).toBeDefined(), { timeout: 5000 });
  await alice.client.send(room.roomId, 'hi bob');
  await vi.waitFor(() => expect(bob.client.store.timeline(room.roomId).messages().map((m) => m.text)).toEqual(['hi bob']), { timeout: 5000 });
  expect(alice.client.store.timeline(room.roomId).messages()).toHaveLength(1);
  expect(bob.client.store.room(room.roomId)?.unread).toBe(1);
  const error = await alice.client.loadOlder('g-nonexistent').then(() => 'no error', (e: Error) => e.message);
  expect(parseErrorCode(error)).toBe('not_found');
  await alice.client.stop();
  await bob.client.stop();
}, 30000);
