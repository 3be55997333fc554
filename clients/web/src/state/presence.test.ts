import { describe, expect, it } from 'vitest';
import { ownStatusFromPresence, PresenceBook } from './presence';

describe('PresenceBook', () => {
  it('stores the last status and reports only real changes', () => {
    const book = new PresenceBook();
    expect(book.has('bob')).toBe(false);
    expect(book.apply({ userId: 'bob', status: 'online' })).toBe(true);
    expect(book.apply({ userId: 'bob', status: 'online' })).toBe(false);
    expect(book.apply({ userId: 'bob', status: 'busy', lastSeen: null })).toBe(true);
    expect(book.status('bob')).toBe('busy');
  });

  it('reads an unknown status as offline', () => {
    const book = new PresenceBook();
    book.apply({ userId: 'bob', status: 'on-holiday' });
    expect(book.status('bob')).toBe('offline');
  });

  it('derives the own status: connected but offline means invisible', () => {
    expect(ownStatusFromPresence('offline')).toBe('invisible');
    expect(ownStatusFromPresence('away')).toBe('away');
    expect(ownStatusFromPresence('busy')).toBe('busy');
    expect(ownStatusFromPresence('online')).toBe('online');
    expect(ownStatusFromPresence(undefined)).toBe('online');
  });
});
