import type { Role, RoomKind } from '../api/types';

export interface Member { userId: string; role: Role }

const canManage = (role: Role | undefined) => role === 'owner' || role === 'admin';

/**
 * What the user may do in a room, mirroring the server's rules (docs/api.md) so the UI offers only what will be
 * accepted; the server still decides, and a refusal shows its error text. Member changes are for groups only.
 * A direct room's creator is recorded as its owner, but moderating the other person of a one-to-one chat makes
 * no sense, so deleting others' messages is offered in groups only.
 */
export function permissions(kind: RoomKind, members: readonly Member[], me: string) {
  const myRole = members.find((m) => m.userId === me)?.role;
  const group = kind === 'group';
  return {
    myRole,
    canAdd: group && canManage(myRole),
    canLeave: group,
    canRemove: (target: Member) => group && target.userId !== me
      && (myRole === 'owner' || (myRole === 'admin' && target.role === 'member')),
    canDeleteOthers: group && canManage(myRole),
  };
}

const roleOrder: Record<Role, number> = { owner: 0, admin: 1, member: 2 };

/** Owner first, then admins, then members; join order within a role. */
export function sortedMembers(members: readonly Member[]): Member[] {
  return members.map((m, i) => ({ m, i })).sort((a, b) => roleOrder[a.m.role] - roleOrder[b.m.role] || a.i - b.i).map(({ m }) => m);
}
