import type { Message } from '../api/types';

export const quoteLength = 80;

/** The start of a message for a reply quote: whitespace collapsed, cut at `max` characters with an ellipsis. */
export function quoteText(text: string, max = quoteLength): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length <= max ? flat : `${flat.slice(0, max - 1).trimEnd()}…`;
}

/** What a reply shows of its original: loaded or not, deleted or not. */
export type ReplyQuote =
  | { kind: 'loaded'; seq: number; senderId: string; text: string }
  | { kind: 'deleted'; seq: number; senderId: string }
  | { kind: 'missing' };

export function replyQuote(original: Message | undefined): ReplyQuote {
  if (!original) return { kind: 'missing' };
  if (original.deleted) return { kind: 'deleted', seq: original.seq, senderId: original.senderId };
  return { kind: 'loaded', seq: original.seq, senderId: original.senderId, text: quoteText(original.text) };
}
