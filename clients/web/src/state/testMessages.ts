import type { Message } from '../api/types';

// Test data builder (imported by tests only, so the production bundle leaves it out).
export function msg(seq: number, overrides: Partial<Message> = {}): Message {
  return {
    roomId: 'g-1',
    messageId: `m-${seq}`,
    seq,
    senderId: 'bob',
    text: `text ${seq}`,
    sentAt: new Date(Date.UTC(2026, 0, 1, 0, 0, seq)).toISOString(),
    ...overrides,
  };
}
