import { describe, expect, it } from 'vitest';
import { ChatStore } from './chatStore';
import { msg } from './testMessages';

function storeWithRoom(lastSeq = 0): ChatStore {
  const store = new ChatStore('alice');
  store.setRooms([{ roomId: 'g-1', name: 'Team', kind: 'group', lastSeq, readSeq: lastSeq, unread: 0 }]);
  return store;
}

describe('ChatStore own sends', () => {
  it('shows a send as pending, then once as confirmed by its ack', () => {
    const store = storeWithRoom();
    const pending = store.beginSend('g-1', 'hi');
    expect(store.pending.forRoom('g-1')).toHaveLength(1);
    store.confirm(pending.clientMessageId, { roomId: 'g-1', messageId: 'm-1', seq: 1, sentAt: '2026-01-01T00:00:01.000Z' });
    expect(store.pending.forRoom('g-1')).toHaveLength(0);
    expect(store.timeline('g-1').messages()).toMatchObject([{ messageId: 'm-1', senderId: 'alice', text: 'hi' }]);
  });

  it('does not duplicate the confirmed message when its MessageReceived follows the ack', () => {
    const store = storeWithRoom();
    const pending = store.beginSend('g-1', 'hi');
    store.confirm(pending.clientMessageId, { roomId: 'g-1', messageId: 'm-1', seq: 1, sentAt: '2026-01-01T00:00:01.000Z' });
    store.receive(msg(1, { senderId: 'alice', text: 'hi' }));
    expect(store.timeline('g-1').messages()).toHaveLength(1);
    expect(store.room('g-1')?.unread).toBe(0);
  });

  it('does not duplicate when the echo arrives before the ack', () => {
    const store = storeWithRoom();
    const pending = store.beginSend('g-1', 'hi');
    const other = store.beginSend('g-1', 'something else');
    store.receive(msg(1, { senderId: 'alice', text: 'hi' }));
    expect(store.pending.visible('g-1').map((p) => p.clientMessageId)).toEqual([other.clientMessageId]);
    store.confirm(pending.clientMessageId, { roomId: 'g-1', messageId: 'm-1', seq: 1, sentAt: '2026-01-01T00:00:01.000Z' });
    expect(store.timeline('g-1').messages()).toHaveLength(1);
    expect(store.pending.forRoom('g-1')).toHaveLength(1);
  });

  it('keeps an echoed send hidden but resendable when its ack is lost', () => {
    const store = storeWithRoom();
    const pending = store.beginSend('g-1', 'hi');
    store.receive(msg(1, { senderId: 'alice', text: 'hi' }));
    store.failSend(pending.clientMessageId, 'offline', true);
    expect(store.pending.visible('g-1')).toEqual([]);
    expect(store.pending.resendable().map((p) => p.clientMessageId)).toEqual([pending.clientMessageId]);
  });

  it('matches an echo to one pending send only', () => {
    const store = storeWithRoom();
    store.beginSend('g-1', 'ok');
    store.beginSend('g-1', 'ok');
    store.receive(msg(1, { senderId: 'alice', text: 'ok' }));
    store.receive(msg(1, { senderId: 'alice', text: 'ok' }));
    expect(store.pending.visible('g-1')).toHaveLength(1);
  });

  it('offers unacknowledged and transiently failed sends for resending with the same clientMessageId', () => {
    const store = storeWithRoom();
    const sending = store.beginSend('g-1', 'one');
    const limited = store.beginSend('g-1', 'two');
    const refused = store.beginSend('g-1', 'three');
    store.failSend(limited.clientMessageId, 'slow down', true);
    store.failSend(refused.clientMessageId, 'not a member', false);
    const ids = store.pending.resendable().map((p) => p.clientMessageId);
    expect(ids).toEqual([sending.clientMessageId, limited.clientMessageId]);
    expect(store.retrySend(limited.clientMessageId)).toMatchObject({ clientMessageId: limited.clientMessageId, state: 'sending', text: 'two' });
  });
});

describe('ChatStore rooms', () => {
  it('counts unread messages from others outside the open room and keeps the last as preview', () => {
    const store = storeWithRoom();
    store.receive(msg(1));
    store.receive(msg(1));
    store.receive(msg(2, { senderId: 'alice' }));
    expect(store.room('g-1')).toMatchObject({ unread: 1, lastMessage: { seq: 2 } });
    store.open('g-1');
    expect(store.room('g-1')?.unread).toBe(0);
    store.receive(msg(3));
    expect(store.room('g-1')?.unread).toBe(0);
  });

  it('updates the preview when the last message is edited or deleted', () => {
    const store = storeWithRoom();
    store.receive(msg(1, { text: 'tpyo' }));
    store.edit(msg(1, { text: 'typo', editedAt: '2026-01-01T02:00:00Z' }));
    expect(store.room('g-1')?.lastMessage?.text).toBe('typo');
    store.delete({ roomId: 'g-1', messageId: 'm-1', seq: 1 });
    expect(store.room('g-1')?.lastMessage?.deleted).toBe(true);
  });

  it('syncs every room from its contiguous lastSeq', () => {
    const store = storeWithRoom(4);
    store.receive(msg(5));
    store.receive(msg(7));
    expect(store.syncRequests()).toEqual([{ roomId: 'g-1', afterSeq: 5 }]);
  });

  it('fills a gap from Sync without counting already shown messages twice', () => {
    const store = storeWithRoom(5);
    expect(store.receive(msg(8))).toEqual({ roomId: 'g-1', afterSeq: 5 });
    const gaps = store.applySync(['g-1'], [{ roomId: 'g-1', messages: [msg(6), msg(7), msg(8)], hasMore: false }]);
    expect(gaps).toEqual([]);
    expect(store.timeline('g-1').lastSeq).toBe(8);
    expect(store.room('g-1')?.unread).toBe(3);
  });

  it('drops rooms that Sync leaves out', () => {
    const store = storeWithRoom();
    store.beginSend('g-1', 'hi');
    store.applySync(['g-1'], []);
    expect(store.room('g-1')).toBeUndefined();
    expect(store.pending.resendable()).toEqual([]);
  });

  it('shows typing for a few seconds, never for the user themself, and clears it on their message', () => {
    const store = storeWithRoom();
    store.typingStarted('g-1', 'bob', 1000);
    store.typingStarted('g-1', 'alice', 1000);
    expect(store.typers('g-1', 2000)).toEqual(['bob']);
    expect(store.typers('g-1', 7000)).toEqual([]);
    store.receive(msg(1, { senderId: 'bob' }));
    expect(store.typers('g-1', 2000)).toEqual([]);
  });

  it('notifies listeners and bumps the version on change', () => {
    const store = storeWithRoom();
    let calls = 0;
    const unsubscribe = store.subscribe(() => calls++);
    const version = store.version;
    store.receive(msg(1));
    unsubscribe();
    store.receive(msg(2));
    expect(calls).toBe(1);
    expect(store.version).toBe(version + 2);
  });
});

describe('ChatStore room updates', () => {
  it('finds the other user of a direct room from its members, else from its messages', () => {
    const store = new ChatStore('alice');
    store.setRooms([{ roomId: 'dm-1', name: '', kind: 'direct', lastSeq: 0, readSeq: 0, unread: 0 }]);
    expect(store.directPeer('dm-1')).toBeUndefined();
    store.receive(msg(1, { roomId: 'dm-1', senderId: 'alice' }));
    store.receive(msg(2, { roomId: 'dm-1', senderId: 'bob' }));
    expect(store.directPeer('dm-1')).toBe('bob');
    store.upsertRoom({ roomId: 'dm-1', name: '', kind: 'direct', members: [{ userId: 'alice', role: 'owner' }, { userId: 'carol', role: 'member' }], lastSeq: 2 });
    expect(store.directPeer('dm-1')).toBe('carol');
  });

  it('adds a room from RoomUpdated with its members and lastSeq', () => {
    const store = new ChatStore('alice');
    store.upsertRoom({ roomId: 'dm-1', name: '', kind: 'direct', members: [{ userId: 'alice', role: 'owner' }, { userId: 'bob', role: 'member' }], lastSeq: 7 });
    expect(store.room('dm-1')).toMatchObject({ kind: 'direct', members: ['alice', 'bob'], unread: 0 });
    expect(store.timeline('dm-1').lastSeq).toBe(7);
  });
});

describe('ChatStore members, receipts and presence', () => {
  const dm = { roomId: 'dm-1', name: '', kind: 'direct' as const, lastSeq: 0, readSeq: 0, unread: 0 };

  it('names a direct room from the members GetRooms lists, with their roles', () => {
    const store = new ChatStore('alice');
    store.setRooms([{ ...dm, members: [{ userId: 'alice', role: 'owner' }, { userId: 'bob', role: 'member' }] }]);
    expect(store.directPeer('dm-1')).toBe('bob');
    expect(store.members('dm-1')).toEqual([{ userId: 'alice', role: 'owner' }, { userId: 'bob', role: 'member' }]);
    expect(store.directPeers()).toEqual(['bob']);
  });

  it('adds a joined member and removes one who left, with their receipts', () => {
    const store = new ChatStore('alice');
    store.upsertRoom({ roomId: 'g-1', name: 'Team', kind: 'group', members: [{ userId: 'alice', role: 'owner' }], lastSeq: 0 });
    store.memberJoined('g-1', 'bob');
    store.memberJoined('g-1', 'bob');
    expect(store.members('g-1')).toEqual([{ userId: 'alice', role: 'owner' }, { userId: 'bob', role: 'member' }]);
    store.receive(msg(1, { senderId: 'alice' }));
    store.readReceipt({ roomId: 'g-1', userId: 'bob', seq: 1 });
    expect(store.seenBy('g-1')).toEqual({ seq: 1, userIds: ['bob'] });
    store.memberLeft('g-1', 'bob');
    expect(store.members('g-1').map((m) => m.userId)).toEqual(['alice']);
    expect(store.seenBy('g-1')).toBeNull();
    store.memberLeft('g-1', 'alice');
    expect(store.room('g-1')).toBeUndefined();
  });

  it('seeds "seen by" from read markers, never moving a receipt back, and ignores a room it does not know', () => {
    const store = storeWithRoom();
    store.receive(msg(1, { senderId: 'alice' }));
    store.receive(msg(2, { senderId: 'alice' }));
    store.readReceipt({ roomId: 'g-1', userId: 'carol', seq: 2 });
    const before = store.version;
    store.readMarkers('g-1', [{ userId: 'alice', readSeq: 0 }, { userId: 'bob', readSeq: 1 }, { userId: 'carol', readSeq: 1 }]);
    expect(store.version).toBeGreaterThan(before);
    expect(store.seenBy('g-1')).toEqual({ seq: 2, userIds: ['carol'] });
    store.readMarkers('g-1', [{ userId: 'bob', readSeq: 1 }]);
    store.readReceipt({ roomId: 'g-1', userId: 'bob', seq: 2 });
    expect(store.seenBy('g-1')).toEqual({ seq: 2, userIds: ['carol', 'bob'] });

    const unchanged = store.version;
    store.readMarkers('g-1', [{ userId: 'bob', readSeq: 1 }, { userId: 'carol', readSeq: 2 }]);
    expect(store.version).toBe(unchanged);
    store.readMarkers('g-gone', [{ userId: 'bob', readSeq: 5 }]);
    expect(store.seenBy('g-gone')).toBeNull();
    expect(store.version).toBe(unchanged);
  });

  it('clears unread when the read markers show the user read the room on another device', () => {
    const store = storeWithRoom();
    store.receive(msg(1));
    store.receive(msg(2));
    store.receive(msg(3));
    expect(store.room('g-1')?.unread).toBe(3);
    store.readMarkers('g-1', [{ userId: 'alice', readSeq: 2 }, { userId: 'bob', readSeq: 3 }]);
    expect(store.room('g-1')?.unread).toBe(1);
  });

  it('clears unread when the user read the room on another device', () => {
    const store = storeWithRoom();
    store.receive(msg(1));
    store.receive(msg(2));
    store.readReceipt({ roomId: 'g-1', userId: 'alice', seq: 1 });
    expect(store.room('g-1')?.unread).toBe(1);
    store.readReceipt({ roomId: 'g-1', userId: 'alice', seq: 2 });
    expect(store.room('g-1')?.unread).toBe(0);
  });

  it('keeps the reply target of a send through to the confirmed message', () => {
    const store = storeWithRoom();
    const pending = store.beginSend('g-1', 'yes', 'm-7');
    expect(pending.replyTo).toBe('m-7');
    store.confirm(pending.clientMessageId, { roomId: 'g-1', messageId: 'm-8', seq: 1, sentAt: '2026-01-01T00:00:01.000Z' });
    expect(store.timeline('g-1').get('m-8')?.replyTo).toBe('m-7');
  });

  it('tracks presence changes and the own status', () => {
    const store = new ChatStore('alice');
    let changes = 0;
    store.subscribe(() => changes++);
    store.presenceChanged({ userId: 'bob', status: 'away' });
    store.presenceChanged({ userId: 'bob', status: 'away' });
    store.setMyStatus('busy');
    expect([store.presence('bob'), store.myStatus, changes]).toEqual(['away', 'busy', 2]);
  });
});
