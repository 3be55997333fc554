import type { ChatStore } from '../state/chatStore';
import type { UserDirectory } from '../state/userDirectory';
import { roomTitle } from './names';

interface Props { store: ChatStore; users: UserDirectory; onOpen: (roomId: string) => void }

export function RoomList({ store, users, onOpen }: Props) {
  const rooms = store.roomList();
  if (rooms.length === 0) return <p className="empty">No conversations yet.</p>;
  return (
    <ul className="room-list">
      {rooms.map((room) => {
        const preview = room.lastMessage?.deleted ? 'Message deleted' : room.lastMessage?.text;
        return (
          <li key={room.roomId}>
            <button type="button" onClick={() => onOpen(room.roomId)} aria-current={room.roomId === store.activeRoomId ? 'true' : undefined}>
              <span className="room-name">{roomTitle(room, store, users)}</span>
              {room.unread > 0 && <span className="badge" aria-label={`${room.unread} unread`}>{room.unread}</span>}
              {preview && <span className="preview">{preview}</span>}
            </button>
          </li>
        );
      })}
    </ul>
  );
}
