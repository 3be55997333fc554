import { describe, expect, it } from 'vitest';
import { RoomTimeline } from './timeline';
import { msg } from './testMessages';

const seqs = (t: RoomTimeline) => t.messages().map((m) => m.seq);

describe('RoomTimeline.receive', () => {
  it('shows a message delivered twice once', () => {
    const t = new RoomTimeline('g-1');
    expect(t.receive(msg(1))).toBeNull();
    expect(t.receive(msg(1))).toBeNull();
    expect(seqs(t)).toEqual([1]);
    expect(t.lastSeq).toBe(1);
  });

  it('keeps messages sorted by seq whatever the arrival order', () => {
    const t = new RoomTimeline('g-1');
    t.applyHistory([msg(3), msg(1)], false);
    t.applyHistory([msg(2)], false);
    expect(seqs(t)).toEqual([1, 2, 3]);
  });

  it('reports a gap with the afterSeq to Sync from when a seq is skipped', () => {
    const t = new RoomTimeline('g-1', 4);
    expect(t.receive(msg(5))).toBeNull();
    expect(t.receive(msg(8))).toEqual({ roomId: 'g-1', afterSeq: 5 });
    expect(t.lastSeq).toBe(5);
  });

  it('closes the gap when the missing messages arrive by Sync', () => {
    const t = new RoomTimeline('g-1', 5);
    t.receive(msg(8));
    expect(t.applySync([msg(6), msg(7), msg(8)], false)).toBeNull();
    expect(t.lastSeq).toBe(8);
    expect(seqs(t)).toEqual([6, 7, 8]);
  });

  it('asks to continue syncing when the server has more', () => {
    const t = new RoomTimeline('g-1', 0);
    expect(t.applySync([msg(1), msg(2)], true)).toEqual({ roomId: 'g-1', afterSeq: 2 });
  });

  it('returns the same array until something changes', () => {
    const t = new RoomTimeline('g-1');
    t.receive(msg(1));
    const first = t.messages();
    t.receive(msg(1));
    expect(t.messages()).toBe(first);
    t.receive(msg(2));
    expect(t.messages()).not.toBe(first);
  });
});

describe('RoomTimeline edits and deletes', () => {
  const edited = (seq: number, text: string, second: number) =>
    msg(seq, { text, editedAt: new Date(Date.UTC(2026, 0, 1, 1, 0, second)).toISOString() });

  it('applies a newer edit by messageId', () => {
    const t = new RoomTimeline('g-1');
    t.receive(msg(1));
    expect(t.applyEdit(edited(1, 'fixed', 10))).toBe(true);
    expect(t.get('m-1')?.text).toBe('fixed');
  });

  it('ignores an older edit arriving after a newer one', () => {
    const t = new RoomTimeline('g-1');
    t.receive(msg(1));
    t.applyEdit(edited(1, 'second', 20));
    expect(t.applyEdit(edited(1, 'first', 10))).toBe(false);
    expect(t.get('m-1')?.text).toBe('second');
  });

  it('does not let a redelivered original undo an edit', () => {
    const t = new RoomTimeline('g-1');
    t.receive(msg(1));
    t.applyEdit(edited(1, 'fixed', 10));
    t.receive(msg(1));
    t.applySync([msg(1)], false);
    expect(t.get('m-1')?.text).toBe('fixed');
  });

  it('keeps an edit that overtakes its post', () => {
    const t = new RoomTimeline('g-1', 0);
    t.applyEdit(edited(1, 'fixed', 10));
    t.receive(msg(1));
    expect(t.get('m-1')?.text).toBe('fixed');
    expect(t.lastSeq).toBe(1);
  });

  it('drops an edit of a message older than the loaded history', () => {
    const t = new RoomTimeline('g-1', 10);
    expect(t.applyEdit(edited(3, 'old', 10))).toBe(false);
    expect(t.messages()).toEqual([]);
  });

  it('marks a deleted message in place, empty, and keeps it deleted', () => {
    const t = new RoomTimeline('g-1');
    t.receive(msg(1));
    t.receive(msg(2, { attachments: [{ attachmentId: 'a', fileName: 'f', contentType: 'text/plain', size: 1 }] }));
    expect(t.applyDelete({ roomId: 'g-1', messageId: 'm-2', seq: 2 })).toBe(true);
    const deleted = t.get('m-2');
    expect(deleted).toMatchObject({ seq: 2, deleted: true, text: '' });
    expect(deleted?.attachments).toBeUndefined();
    t.applyEdit(edited(2, 'too late', 50));
    t.receive(msg(2));
    expect(t.get('m-2')?.deleted).toBe(true);
    expect(seqs(t)).toEqual([1, 2]);
  });
});

describe('RoomTimeline history', () => {
  it('tracks the oldest seq and whether older pages exist', () => {
    const t = new RoomTimeline('g-1', 60);
    t.applyHistory([msg(51), msg(52)], true);
    expect(t.oldestSeq()).toBe(51);
    expect(t.hasOlder).toBe(true);
    t.applyHistory([msg(50)], false);
    expect(t.oldestSeq()).toBe(50);
    expect(t.hasOlder).toBe(false);
  });
});
