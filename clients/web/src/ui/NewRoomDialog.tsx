import { useCallback, useState, type FormEvent } from 'react';
import { userMessage } from '../api/errors';
import type { RestApi } from '../api/rest';
import type { RoomKind, User } from '../api/types';
import type { ChatClient } from '../net/chatClient';
import type { UserDirectory } from '../state/userDirectory';
import { useDialog } from './dialog';
import { toggled, UserSearch } from './UserSearch';

interface Props {
  api: RestApi;
  token: string;
  client: ChatClient;
  users: UserDirectory;
  onClose: (roomId?: string) => void;
}

export function NewRoomDialog({ api, token, client, users, onClose }: Props) {
  const [kind, setKind] = useState<RoomKind>('direct');
  const [name, setName] = useState('');
  const [chosen, setChosen] = useState<User[]>([]);
  const [error, setError] = useState<string>();
  const dialog = useDialog<HTMLDivElement>(() => onClose());
  const onError = useCallback((message: string) => setError(message), []);

  async function create(event: FormEvent) {
    event.preventDefault();
    setError(undefined);
    try {
      chosen.forEach((u) => users.remember(u));
      const room = await client.createRoom(kind, kind === 'group' ? name.trim() : '', chosen.map((u) => u.userId));
      onClose(room.roomId);
    } catch (e) {
      setError(userMessage(e));
    }
  }

  const ready = chosen.length > 0 && (kind === 'direct' || name.trim().length > 0);
  return (
    <div className="overlay">
      {/* The dialog role sits on a wrapper: a <form> may not take it (axe: aria-allowed-role). */}
      <div className="dialog" role="dialog" aria-modal="true" aria-labelledby="new-chat-title" ref={dialog.container} tabIndex={-1}>
      <form onSubmit={create}>
        <h2 id="new-chat-title">New chat</h2>
        <fieldset>
          <legend>Kind</legend>
          <label><input type="radio" name="kind" checked={kind === 'direct'} onChange={() => { setKind('direct'); setChosen(chosen.slice(0, 1)); }} /> Direct message</label>
          <label><input type="radio" name="kind" checked={kind === 'group'} onChange={() => setKind('group')} /> Group</label>
        </fieldset>
        {kind === 'group' && <label>Group name<input value={name} onChange={(e) => setName(e.target.value)} maxLength={100} required /></label>}
        <UserSearch api={api} token={token} exclude={[client.store.me]} multiple={kind === 'group'} chosen={chosen}
          onToggle={(u) => setChosen((current) => toggled(current, u, kind === 'group'))} onError={onError} autoFocus />
        {error && <p role="alert" className="error">{error}</p>}
        <div className="actions">
          <button type="button" onClick={dialog.close}>Cancel</button>
          <button type="submit" disabled={!ready}>Create</button>
        </div>
      </form>
      </div>
    </div>
  );
}
