import { describe, expect, it } from 'vitest';
import { ReadReceipts } from './readReceipts';
import { msg } from './testMessages';

const own = (seq: number) => msg(seq, { senderId: 'alice' });

describe('ReadReceipts', () => {
  it('keeps the highest seq per reader, ignoring repeated and older receipts', () => {
    const r = new ReadReceipts();
    expect(r.apply('g-1', 'bob', 3)).toBe(true);
    expect(r.apply('g-1', 'bob', 3)).toBe(false);
    expect(r.apply('g-1', 'bob', 2)).toBe(false);
    expect(r.readSeq('g-1', 'bob')).toBe(3);
    expect(r.readSeq('g-2', 'bob')).toBeUndefined();
  });

  it('puts "seen by" on the newest own message that others have read, naming everyone who reached it', () => {
    const r = new ReadReceipts();
    const messages = [own(1), msg(2), own(3), own(4)];
    r.apply('g-1', 'bob', 3);
    r.apply('g-1', 'carol', 4);
    r.apply('g-1', 'dave', 1);
    expect(r.seenBy('g-1', 'alice', messages)).toEqual({ seq: 4, userIds: ['carol'] });
    r.apply('g-1', 'bob', 4);
    expect(r.seenBy('g-1', 'alice', messages)).toEqual({ seq: 4, userIds: ['bob', 'carol'] });
  });

  it('skips own messages nobody else has read yet and deleted ones', () => {
    const r = new ReadReceipts();
    r.apply('g-1', 'bob', 2);
    expect(r.seenBy('g-1', 'alice', [own(1), own(2), own(3)])).toEqual({ seq: 2, userIds: ['bob'] });
    expect(r.seenBy('g-1', 'alice', [own(1), { ...own(2), deleted: true }, own(3)])).toEqual({ seq: 1, userIds: ['bob'] });
  });

  it('never counts the user themself and is null when no own message was read', () => {
    const r = new ReadReceipts();
    r.apply('g-1', 'alice', 9);
    expect(r.seenBy('g-1', 'alice', [own(1)])).toBeNull();
    r.apply('g-1', 'bob', 5);
    expect(r.seenBy('g-1', 'alice', [msg(5)])).toBeNull();
  });

  it('forgets a reader who left, or the whole room', () => {
    const r = new ReadReceipts();
    r.apply('g-1', 'bob', 1);
    r.apply('g-1', 'carol', 1);
    r.forget('g-1', 'bob');
    expect(r.seenBy('g-1', 'alice', [own(1)])).toEqual({ seq: 1, userIds: ['carol'] });
    r.forget('g-1');
    expect(r.seenBy('g-1', 'alice', [own(1)])).toBeNull();
  });
});
