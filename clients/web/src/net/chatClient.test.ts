import { afterEach, describe, expect, it, vi } from 'vitest';
import type { SyncRequest } from '../api/types';
import { ChatStore } from '../state/chatStore';
import { msg } from '../state/testMessages';
import { ChatClient } from './chatClient';
import { FakeHub } from './fakeHub';

const hubError = (code: string) => new Error(`An unexpected error occurred invoking 'SendMessage' on the server. HubException: ${code}: detail`);

async function started(lastSeq = 0) {
  const hub = new FakeHub();
  hub.answers.set('GetRooms', () => [{ roomId: 'g-1', name: 'Team', kind: 'group', lastSeq, readSeq: 0, unread: 0 }]);
  hub.answers.set('Sync', (requests) => (requests as SyncRequest[]).map((r) => ({ roomId: r.roomId, messages: [], hasMore: false })));
  const client = new ChatClient(hub, new ChatStore('alice'));
  await client.start();
  return { hub, client, store: client.store };
}

afterEach(() => vi.useRealTimers());

describe('ChatClient', () => {
  it('loads rooms and syncs them from their lastSeq when started', async () => {
    const { hub, store } = await started(3);
    expect(store.connection).toBe('connected');
    expect(hub.callsOf('Sync')).toEqual([[[{ roomId: 'g-1', afterSeq: 3 }]]]);
  });

  it('loads the newest message of each room as its preview when started', async () => {
    const hub = new FakeHub();
    hub.answers.set('GetRooms', () => [
      { roomId: 'g-1', name: 'Team', kind: 'group', lastSeq: 9, readSeq: 0, unread: 9 },
      { roomId: 'g-2', name: 'Empty', kind: 'group', lastSeq: 0, readSeq: 0, unread: 0 },
    ]);
    hub.answers.set('Sync', () => [{ roomId: 'g-1', messages: [], hasMore: false }, { roomId: 'g-2', messages: [], hasMore: false }]);
    hub.answers.set('GetHistory', () => ({ messages: [msg(9, { text: 'latest' })], hasMore: true }));
    const client = new ChatClient(hub, new ChatStore('alice'));
    await client.start();
    expect(hub.callsOf('GetHistory')).toEqual([['g-1', null, 1]]);
    expect(client.store.room('g-1')?.lastMessage?.text).toBe('latest');
    expect(client.store.timeline('g-1').hasOlder).toBe(true);
  });

  it('confirms a send by its ack', async () => {
    const { hub, client, store } = await started();
    hub.answers.set('SendMessage', () => ({ roomId: 'g-1', messageId: 'm-1', seq: 1, sentAt: '2026-01-01T00:00:01Z' }));
    await client.send('g-1', 'hi');
    expect(store.pending.forRoom('g-1')).toEqual([]);
    expect(store.timeline('g-1').messages()).toMatchObject([{ seq: 1, text: 'hi', senderId: 'alice' }]);
  });

  it('shows the reconnecting banner, then syncs and resends with the same clientMessageId', async () => {
    const { hub, client, store } = await started(2);
    hub.answers.set('SendMessage', () => Promise.reject(new Error('WebSocket closed with status code: 1006')));
    await client.send('g-1', 'hi');
    const [first] = hub.callsOf('SendMessage') as [{ clientMessageId: string }][];
    expect(store.pending.forRoom('g-1')[0]).toMatchObject({ state: 'failed', retriable: true });

    hub.emit('MessageReceived', msg(3));
    hub.answers.set('SendMessage', () => ({ roomId: 'g-1', messageId: 'm-4', seq: 4, sentAt: '2026-01-01T00:00:04Z' }));
    hub.drop();
    expect(store.connection).toBe('reconnecting');
    hub.reconnect();
    await vi.waitFor(() => expect(store.pending.forRoom('g-1')).toEqual([]), { timeout: 2000 });

    const sends = hub.callsOf('SendMessage') as [{ clientMessageId: string }][];
    expect(sends).toHaveLength(2);
    expect(sends[1][0].clientMessageId).toBe(first[0].clientMessageId);
    expect(hub.callsOf('Sync').at(-1)).toEqual([[{ roomId: 'g-1', afterSeq: 3 }]]);
    expect(store.connection).toBe('connected');
  });

  it('reports offline when the connection closes', async () => {
    const { hub, store } = await started();
    hub.close();
    expect(store.connection).toBe('offline');
  });

  it('syncs the gap when a message skips seqs, continuing while the server has more', async () => {
    const { hub, store } = await started(1);
    let round = 0;
    hub.answers.set('Sync', () => (++round === 1
      ? [{ roomId: 'g-1', messages: [msg(2)], hasMore: true }]
      : [{ roomId: 'g-1', messages: [msg(3), msg(4)], hasMore: false }]));
    hub.emit('MessageReceived', msg(4));
    await vi.waitFor(() => expect(store.timeline('g-1').lastSeq).toBe(4), { timeout: 2000 });
    expect(hub.callsOf('Sync').slice(1)).toEqual([[[{ roomId: 'g-1', afterSeq: 1 }]], [[{ roomId: 'g-1', afterSeq: 2 }]]]);
    expect(store.timeline('g-1').messages().map((m) => m.seq)).toEqual([2, 3, 4]);
  });

  it('keeps a refused send failed with a clear reason and does not resend it', async () => {
    const { hub, client, store } = await started();
    hub.answers.set('SendMessage', () => Promise.reject(hubError('forbidden')));
    await client.send('g-1', 'hi');
    expect(store.pending.forRoom('g-1')[0]).toMatchObject({ state: 'failed', retriable: false });
    expect(store.pending.forRoom('g-1')[0].error).toMatch(/not allowed/);
    const syncs = hub.callsOf('Sync').length;
    hub.dropAndReconnect();
    await vi.waitFor(() => expect(hub.callsOf('Sync').length).toBe(syncs + 1), { timeout: 2000 });
    await client.sync([]);
    expect(hub.callsOf('SendMessage')).toHaveLength(1);
  });

  it('retries a rate-limited send after a pause with the same clientMessageId', async () => {
    vi.useFakeTimers();
    const { hub, client, store } = await started();
    let attempt = 0;
    hub.answers.set('SendMessage', () => (++attempt === 1
      ? Promise.reject(hubError('rate_limited'))
      : { roomId: 'g-1', messageId: 'm-1', seq: 1, sentAt: '2026-01-01T00:00:01Z' }));
    await client.send('g-1', 'hi');
    await vi.advanceTimersByTimeAsync(1500);
    const ids = (hub.callsOf('SendMessage') as [{ clientMessageId: string }][]).map((a) => a[0].clientMessageId);
    expect(ids).toHaveLength(2);
    expect(ids[0]).toBe(ids[1]);
    expect(store.pending.forRoom('g-1')).toEqual([]);
  });

  it('pages history backwards from the oldest loaded seq', async () => {
    const { hub, client, store } = await started();
    hub.answers.set('GetHistory', (_room, before) => ({ messages: before === null ? [msg(59), msg(60)] : [msg(58)], hasMore: before === null }));
    await client.loadOlder('g-1', 2);
    await client.loadOlder('g-1', 2);
    expect(hub.callsOf('GetHistory')).toEqual([['g-1', null, 2], ['g-1', 59, 2]]);
    expect(store.timeline('g-1').hasOlder).toBe(false);
    expect(store.room('g-1')?.lastMessage?.seq).toBe(60);
  });

  it('drops a room the user was removed from and throttles typing', async () => {
    const { hub, client, store } = await started();
    client.typing('g-1', 1000);
    client.typing('g-1', 2000);
    client.typing('g-1', 4000);
    expect(hub.callsOf('Typing')).toHaveLength(2);
    hub.emit('MemberLeft', { roomId: 'g-1', userId: 'alice' });
    expect(store.room('g-1')).toBeUndefined();
  });

  it('sends a reply with replyTo and keeps it on the resend', async () => {
    const { hub, client, store } = await started();
    hub.answers.set('SendMessage', () => ({ roomId: 'g-1', messageId: 'm-2', seq: 1, sentAt: '2026-01-01T00:00:01Z' }));
    await client.send('g-1', 'yes', 'm-1');
    expect(hub.callsOf('SendMessage')[0][0]).toMatchObject({ roomId: 'g-1', text: 'yes', replyTo: 'm-1' });
    expect(store.timeline('g-1').get('m-2')?.replyTo).toBe('m-1');
  });

  it('edits and deletes through the hub and shows the answer at once', async () => {
    const { hub, client, store } = await started();
    store.receive(msg(1, { senderId: 'alice', text: 'tpyo' }));
    hub.answers.set('EditMessage', (roomId, messageId, text) => msg(1, { roomId: roomId as string, messageId: messageId as string, senderId: 'alice', text: text as string, editedAt: '2026-01-01T01:00:00Z' }));
    hub.answers.set('DeleteMessage', (roomId, messageId) => ({ roomId, messageId, seq: 1 }));
    await client.edit('g-1', 'm-1', 'typo');
    expect(hub.callsOf('EditMessage')).toEqual([['g-1', 'm-1', 'typo']]);
    expect(store.timeline('g-1').get('m-1')).toMatchObject({ text: 'typo', editedAt: '2026-01-01T01:00:00Z' });
    await client.delete('g-1', 'm-1');
    expect(hub.callsOf('DeleteMessage')).toEqual([['g-1', 'm-1']]);
    expect(store.timeline('g-1').get('m-1')).toMatchObject({ deleted: true, text: '' });
  });

  it('lets a refused edit fail to the caller with its code', async () => {
    const { hub, client } = await started();
    hub.answers.set('EditMessage', () => Promise.reject(hubError('forbidden')));
    const error = await client.edit('g-1', 'm-1', 'x').catch((e: Error) => e.message);
    expect(error).toMatch(/forbidden: /);
  });

  it('seeds "seen by" from GetReadMarkers without any receipt event', async () => {
    const { hub, client, store } = await started();
    store.receive(msg(1, { senderId: 'alice' }));
    store.receive(msg(2, { senderId: 'alice' }));
    hub.answers.set('GetReadMarkers', () => [{ userId: 'alice', readSeq: 2 }, { userId: 'bob', readSeq: 2 }, { userId: 'carol', readSeq: 1 }]);
    await client.loadReadMarkers('g-1');
    expect(hub.callsOf('GetReadMarkers')).toEqual([['g-1']]);
    expect(store.seenBy('g-1')).toEqual({ seq: 2, userIds: ['bob'] });
  });

  it('keeps a receipt that overtook the GetReadMarkers answer, and later receipts still move markers forward', async () => {
    const { hub, client, store } = await started();
    store.receive(msg(1, { senderId: 'alice' }));
    store.receive(msg(2, { senderId: 'alice' }));
    let answer!: (markers: unknown) => void;
    hub.answers.set('GetReadMarkers', () => new Promise((resolve) => (answer = resolve)));
    const loading = client.loadReadMarkers('g-1');
    hub.emit('ReadReceipt', { roomId: 'g-1', userId: 'bob', seq: 2 });
    answer([{ userId: 'bob', readSeq: 1 }, { userId: 'carol', readSeq: 1 }]);
    await loading;
    expect(store.seenBy('g-1')).toEqual({ seq: 2, userIds: ['bob'] });
    hub.emit('ReadReceipt', { roomId: 'g-1', userId: 'carol', seq: 2 });
    expect(store.seenBy('g-1')).toEqual({ seq: 2, userIds: ['bob', 'carol'] });
  });

  it('re-reads the open room\'s read markers after the reconnect\'s Sync', async () => {
    const { hub, store } = await started(1);
    store.open('g-1');
    hub.answers.set('Sync', (requests) => (requests as SyncRequest[]).map((r) => ({ roomId: r.roomId, messages: [msg(2, { senderId: 'alice' })], hasMore: false })));
    hub.answers.set('GetReadMarkers', () => [{ userId: 'bob', readSeq: 2 }]);
    hub.dropAndReconnect();
    await vi.waitFor(() => expect(store.seenBy('g-1')).toEqual({ seq: 2, userIds: ['bob'] }), { timeout: 2000 });
    const order = hub.calls.map((c) => c.method).filter((m) => m === 'Sync' || m === 'GetReadMarkers');
    expect(order.slice(-2)).toEqual(['Sync', 'GetReadMarkers']);
    expect(hub.callsOf('GetReadMarkers')).toEqual([['g-1']]);
  });

  it('starts normally against a server without GetReadMarkers, asking only when a room is open', async () => {
    const hub = new FakeHub();
    hub.answers.set('GetRooms', () => [{ roomId: 'g-1', name: 'Team', kind: 'group', lastSeq: 0, readSeq: 0, unread: 0 }]);
    hub.answers.set('GetReadMarkers', () => Promise.reject(new Error("Method does not exist 'GetReadMarkers'")));
    const client = new ChatClient(hub, new ChatStore('alice'));
    await client.start();
    expect(hub.callsOf('GetReadMarkers')).toEqual([]);
    client.store.open('g-1');
    await client.start();
    expect(hub.callsOf('GetReadMarkers')).toEqual([['g-1']]);
    expect(client.store.connection).toBe('connected');
  });

  it('applies read receipts, member events and presence from the hub', async () => {
    const { hub, store } = await started();
    hub.emit('RoomUpdated', { roomId: 'g-1', name: 'Team', kind: 'group', members: [{ userId: 'alice', role: 'owner' }], lastSeq: 0 });
    hub.emit('MemberJoined', { roomId: 'g-1', userId: 'bob' });
    store.receive(msg(1, { senderId: 'alice' }));
    hub.emit('ReadReceipt', { roomId: 'g-1', userId: 'bob', seq: 1 });
    hub.emit('PresenceChanged', { userId: 'bob', status: 'busy', lastSeen: null });
    expect(store.seenBy('g-1')).toEqual({ seq: 1, userIds: ['bob'] });
    expect(store.presence('bob')).toBe('busy');
    hub.emit('MemberLeft', { roomId: 'g-1', userId: 'bob' });
    expect(store.members('g-1').map((m) => m.userId)).toEqual(['alice']);
  });

  it('loads the presence of direct-room peers and the own status when started', async () => {
    const hub = new FakeHub();
    hub.answers.set('GetRooms', () => [{ roomId: 'dm-1', name: '', kind: 'direct', lastSeq: 0, readSeq: 0, unread: 0,
      members: [{ userId: 'alice', role: 'owner' }, { userId: 'bob', role: 'member' }] }]);
    hub.answers.set('Sync', () => [{ roomId: 'dm-1', messages: [], hasMore: false }]);
    hub.answers.set('GetPresence', (ids) => (ids as string[]).map((userId) => ({ userId, status: userId === 'alice' ? 'offline' : 'away' })));
    const client = new ChatClient(hub, new ChatStore('alice'));
    await client.start();
    expect(hub.callsOf('GetPresence')).toEqual(expect.arrayContaining([[['alice']], [['bob']]]));
    expect(client.store.presence('bob')).toBe('away');
    expect(client.store.myStatus).toBe('invisible');
    // Inferred, not chosen here: a reconnect does not set it again.
    hub.dropAndReconnect();
    await vi.waitFor(() => expect(hub.callsOf('GetPresence').length).toBeGreaterThan(2), { timeout: 2000 });
    expect(hub.callsOf('SetStatus')).toEqual([]);
  });

  it('sets the status, restores it when refused, and sets it again after a reconnect', async () => {
    const { hub, client, store } = await started();
    await client.setStatus('busy');
    expect(hub.callsOf('SetStatus')).toEqual([['busy']]);
    hub.answers.set('SetStatus', () => Promise.reject(hubError('invalid')));
    await expect(client.setStatus('away')).rejects.toThrow(/invalid/);
    expect(store.myStatus).toBe('busy');
    hub.answers.delete('SetStatus');
    hub.dropAndReconnect();
    await vi.waitFor(() => expect(hub.callsOf('SetStatus').at(-1)).toEqual(['busy']), { timeout: 2000 });
  });

  it('manages members through the hub and drops a room the user leaves', async () => {
    const { hub, client, store } = await started();
    const room = (ids: string[]) => ({ roomId: 'g-1', name: 'Team', kind: 'group', lastSeq: 0, members: ids.map((userId, i) => ({ userId, role: i === 0 ? 'owner' : 'member' })) });
    hub.answers.set('AddMembers', () => room(['alice', 'bob', 'carol']));
    hub.answers.set('RemoveMember', () => room(['alice', 'carol']));
    await client.addMembers('g-1', ['bob', 'carol']);
    expect(store.members('g-1').map((m) => m.userId)).toEqual(['alice', 'bob', 'carol']);
    await client.removeMember('g-1', 'bob');
    expect(hub.callsOf('RemoveMember')).toEqual([['g-1', 'bob']]);
    expect(store.members('g-1').map((m) => m.userId)).toEqual(['alice', 'carol']);
    await client.leave('g-1');
    expect(hub.callsOf('LeaveRoom')).toEqual([['g-1']]);
    expect(store.room('g-1')).toBeUndefined();
  });
});
