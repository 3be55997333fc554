import { useCallback, useState } from 'react';
import { userMessage } from '../api/errors';
import type { RestApi } from '../api/rest';
import type { User } from '../api/types';
import type { ChatClient } from '../net/chatClient';
import { permissions, sortedMembers } from '../state/members';
import type { UserDirectory } from '../state/userDirectory';
import { useDialog } from './dialog';
import { toggled, UserSearch } from './UserSearch';

interface Props {
  api: RestApi;
  token: string;
  client: ChatClient;
  users: UserDirectory;
  roomId: string;
  onClose: () => void;
}

const roleNames = { owner: 'Owner', admin: 'Admin', member: 'Member' } as const;

/** Who is in the room and with which role; owners and admins add and remove people; anyone leaves a group. */
export function MembersPanel({ api, token, client, users, roomId, onClose }: Props) {
  const store = client.store;
  const room = store.room(roomId);
  const members = sortedMembers(store.members(roomId));
  const can = permissions(room?.kind ?? 'direct', members, store.me);
  const [adding, setAdding] = useState(false);
  const [chosen, setChosen] = useState<User[]>([]);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const dialog = useDialog<HTMLElement>(onClose);
  const onError = useCallback((message: string) => setError(message), []);

  async function run(action: () => Promise<void>): Promise<boolean> {
    setBusy(true);
    setError(undefined);
    try {
      await action();
      return true;
    } catch (e) {
      setError(userMessage(e));
      return false;
    } finally {
      setBusy(false);
    }
  }

  async function add() {
    chosen.forEach((u) => users.remember(u));
    if (await run(() => client.addMembers(roomId, chosen.map((u) => u.userId)))) {
      setAdding(false);
      setChosen([]);
    }
  }

  async function leave() {
    if (await run(() => client.leave(roomId))) onClose();
  }

  const name = (userId: string) => (userId === store.me ? 'You' : users.name(userId) ?? '…');
  return (
    <div className="overlay">
      <section className="dialog members" role="dialog" aria-modal="true" aria-labelledby="members-title" ref={dialog.container} tabIndex={-1}>
        <h2 id="members-title">Members</h2>
        <ul className="member-list" aria-label="People in this room">
          {members.map((m) => (
            <li key={m.userId}>
              <span className="member-name">{name(m.userId)}</span>
              <span className="role">{roleNames[m.role]}</span>
              {can.canRemove(m) && (
                <button type="button" disabled={busy} onClick={() => void run(() => client.removeMember(roomId, m.userId))}>
                  Remove {users.name(m.userId) ?? 'member'}
                </button>
              )}
            </li>
          ))}
        </ul>
        {can.canAdd && !adding && <button type="button" onClick={() => setAdding(true)}>Add people</button>}
        {adding && (
          <div className="add-people" role="group" aria-label="Add people">
            <UserSearch api={api} token={token} exclude={members.map((m) => m.userId)} multiple chosen={chosen}
              onToggle={(u) => setChosen((current) => toggled(current, u, true))} onError={onError} autoFocus />
            <div className="actions">
              <button type="button" onClick={() => { setAdding(false); setChosen([]); }}>Cancel</button>
              <button type="button" disabled={busy || chosen.length === 0} onClick={() => void add()}>Add to room</button>
            </div>
          </div>
        )}
        {error && <p role="alert" className="error">{error}</p>}
        <div className="actions">
          {can.canLeave && <button type="button" className="danger" disabled={busy} onClick={() => void leave()}>Leave room</button>}
          <button type="button" onClick={dialog.close}>Close</button>
        </div>
      </section>
    </div>
  );
}
