import type { ChatStore } from '../state/chatStore';
import type { UserDirectory } from '../state/userDirectory';
import { roomTitle } from './names';
import { PresenceDot } from './Presence';

interface Props { store: ChatStore; users: UserDirectory; onOpen: (roomId: string) => void }

export function RoomList({ store, users, onOpen }: Props) {
  const rooms = store.roomList();
  if (rooms.length === 0) return <p className="empty">No conversations yet.</p>;
  return (
    <ul className="room-list">
      {rooms.map((room) => {
        const preview = room.lastMessage?.deleted ? 'Message deleted' : room.lastMessage?.text;
        const title = roomTitle(room, store, users);
        const peer = room.kind === 'direct' ? store.directPeer(room.roomId) : undefined;
        return (
          <li key={room.roomId}>
            <button type="button" data-room-id={room.roomId} onClick={() => onOpen(room.roomId)} aria-current={room.roomId === store.activeRoomId ? 'true' : undefined}>
              <span className="room-name">
                {peer && <PresenceDot name={title} status={store.presence(peer)} />}
                {title}
              </span>
              {room.unread > 0 && <span className="badge" aria-label={`${room.unread} unread`}>{room.unread}</span>}
              {preview && <span className="preview">{preview}</span>}
            </button>
          </li>
        );
      })}
    </ul>
  );
}
