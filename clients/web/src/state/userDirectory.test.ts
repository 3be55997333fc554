import { describe, expect, it, vi } from 'vitest';
import { UserDirectory } from './userDirectory';

describe('UserDirectory', () => {
  it('looks a user up once and notifies when the name arrives', async () => {
    const lookup = vi.fn(async (userId: string) => ({ userId, username: 'bob', displayName: 'Bob' }));
    const users = new UserDirectory(lookup);
    const heard = vi.fn();
    users.subscribe(heard);
    expect(users.name('u-1')).toBeUndefined();
    expect(users.name('u-1')).toBeUndefined();
    await vi.waitFor(() => expect(users.name('u-1')).toBe('Bob'));
    expect(lookup).toHaveBeenCalledTimes(1);
    expect(heard).toHaveBeenCalledTimes(1);
  });

  it('does not repeat a failed lookup', async () => {
    const lookup = vi.fn(async () => Promise.reject(new Error('not_found: no such user')));
    const users = new UserDirectory(lookup);
    users.name('u-2');
    await Promise.resolve();
    users.name('u-2');
    expect(lookup).toHaveBeenCalledTimes(1);
  });
});
