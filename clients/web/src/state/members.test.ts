import { describe, expect, it } from 'vitest';
import { permissions, sortedMembers, type Member } from './members';

const members: Member[] = [
  { userId: 'olive', role: 'owner' },
  { userId: 'adam', role: 'admin' },
  { userId: 'max', role: 'member' },
  { userId: 'anna', role: 'admin' },
];
const byId = (id: string) => members.find((m) => m.userId === id)!;

describe('room permissions', () => {
  it('lets the owner add and remove anyone but themself', () => {
    const p = permissions('group', members, 'olive');
    expect(p.canAdd).toBe(true);
    expect(['adam', 'max', 'olive'].map((id) => p.canRemove(byId(id)))).toEqual([true, true, false]);
    expect(p.canDeleteOthers).toBe(true);
  });

  it('lets admins add and remove plain members only', () => {
    const p = permissions('group', members, 'adam');
    expect(p.canAdd).toBe(true);
    expect(['anna', 'max', 'olive'].map((id) => p.canRemove(byId(id)))).toEqual([false, true, false]);
  });

  it('gives plain members nothing but leaving', () => {
    const p = permissions('group', members, 'max');
    expect([p.canAdd, p.canDeleteOthers, p.canLeave, p.canRemove(byId('adam'))]).toEqual([false, false, true, false]);
  });

  it('offers no member changes and no moderation in a direct room', () => {
    const p = permissions('direct', [{ userId: 'olive', role: 'owner' }, { userId: 'bob', role: 'member' }], 'olive');
    expect([p.canAdd, p.canLeave, p.canDeleteOthers, p.canRemove({ userId: 'bob', role: 'member' })]).toEqual([false, false, false, false]);
  });

  it('sorts the owner first, then admins, then members, keeping join order', () => {
    expect(sortedMembers(members).map((m) => m.userId)).toEqual(['olive', 'adam', 'anna', 'max']);
  });
});
