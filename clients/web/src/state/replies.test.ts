import { describe, expect, it } from 'vitest';
import { quoteText, replyQuote } from './replies';
import { msg } from './testMessages';

describe('reply quotes', () => {
  it('keeps short texts and cuts long ones at 80 characters with an ellipsis', () => {
    expect(quoteText('  hello\n  world ')).toBe('hello world');
    const quoted = quoteText('x'.repeat(200));
    expect(quoted).toHaveLength(80);
    expect(quoted.endsWith('…')).toBe(true);
    expect(quoteText('y'.repeat(80))).toBe('y'.repeat(80));
  });

  it('quotes the original by sender and seq, or says it is deleted or not loaded', () => {
    expect(replyQuote(msg(4, { text: 'lunch at noon?' }))).toEqual({ kind: 'loaded', seq: 4, senderId: 'bob', text: 'lunch at noon?' });
    expect(replyQuote(msg(4, { deleted: true, text: '' }))).toEqual({ kind: 'deleted', seq: 4, senderId: 'bob' });
    expect(replyQuote(undefined)).toEqual({ kind: 'missing' });
  });
});
