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

it.skipIf(!base)('edits, deletes, replies, read receipts, presence and member changes work against the real hub', async () => {
  const suffix = Math.random().toString(36).slice(2, 8);
  const alice = await user(`alice_${suffix}`);
  const bob = await user(`bob_${suffix}`);
  const carol = await user(`carol_${suffix}`);
  const wait = { timeout: 5000 };

  const dm = await alice.client.createRoom('direct', '', [bob.login.userId]);
  await alice.client.send(dm.roomId, 'tpyo');
  const first = alice.client.store.timeline(dm.roomId).messages()[0];
  await vi.waitFor(() => expect(bob.client.store.timeline(dm.roomId).get(first.messageId)).toBeDefined(), wait);
  await bob.client.send(dm.roomId, 'reply', first.messageId);
  await vi.waitFor(() => expect(alice.client.store.timeline(dm.roomId).messages().map((m) => m.replyTo)).toEqual([undefined, first.messageId]), wait);

  await bob.client.markRead(dm.roomId);
  await vi.waitFor(() => expect(alice.client.store.seenBy(dm.roomId)).toEqual({ seq: 1, userIds: [bob.login.userId] }), wait);
  await alice.client.edit(dm.roomId, first.messageId, 'typo');
  await vi.waitFor(() => expect(bob.client.store.timeline(dm.roomId).get(first.messageId)?.text).toBe('typo'), wait);
  await alice.client.delete(dm.roomId, first.messageId);
  await vi.waitFor(() => expect(bob.client.store.timeline(dm.roomId).get(first.messageId)?.deleted).toBe(true), wait);

  await bob.client.setStatus('busy');
  await vi.waitFor(() => expect(alice.client.store.presence(bob.login.userId)).toBe('busy'), wait);

  const group = await alice.client.createRoom('group', 'Team', [bob.login.userId]);
  await alice.client.addMembers(group.roomId, [carol.login.userId]);
  await vi.waitFor(() => expect(carol.client.store.members(group.roomId).map((m) => m.userId)).toContain(carol.login.userId), wait);
  const refused = await bob.client.removeMember(group.roomId, carol.login.userId).then(() => 'removed', (e: Error) => parseErrorCode(e.message));
  expect(refused).toBe('forbidden');
  await alice.client.removeMember(group.roomId, bob.login.userId);
  await vi.waitFor(() => expect(bob.client.store.room(group.roomId)).toBeUndefined(), wait);
  await carol.client.leave(group.roomId);
  await vi.waitFor(() => expect(alice.client.store.members(group.roomId).map((m) => m.userId)).toEqual([alice.login.userId]), wait);
  await Promise.all([alice.client.stop(), bob.client.stop(), carol.client.stop()]);
}, 30000);
