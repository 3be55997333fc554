import type { ChatStore, RoomView } from '../state/chatStore';
import type { UserDirectory } from '../state/userDirectory';

export function roomTitle(room: RoomView, store: ChatStore, users: UserDirectory): string {
  if (room.kind === 'group') return room.name || 'Group';
  const other = store.directPeer(room.roomId);
  return (other && users.name(other)) || 'Direct message';
}

export function time(iso: string): string {
  return new Date(iso).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });
}
