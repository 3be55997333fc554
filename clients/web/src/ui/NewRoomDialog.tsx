import { useEffect, useState, type FormEvent } from 'react';
import { userMessage } from '../api/errors';
import type { RestApi } from '../api/rest';
import type { RoomKind, User } from '../api/types';
import type { ChatClient } from '../net/chatClient';
import type { UserDirectory } from '../state/userDirectory';

interface Props {
  api: RestApi;
  token: string;
  client: ChatClient;
  users: UserDirectory;
  onClose: (roomId?: string) => void;
}

const searchDelayMs = 250;

export function NewRoomDialog({ api, token, client, users, onClose }: Props) {
  const [kind, setKind] = useState<RoomKind>('direct');
  const [name, setName] = useState('');
  const [query, setQuery] = useState('');
  const [found, setFound] = useState<User[]>([]);
  const [chosen, setChosen] = useState<User[]>([]);
  const [error, setError] = useState<string>();

  useEffect(() => {
    const prefix = query.trim();
    if (!prefix) return setFound([]);
    const timer = setTimeout(() => {
      api.search(token, prefix).then((list) => setFound(list.filter((u) => u.userId !== client.store.me)), (e) => setError(userMessage(e)));
    }, searchDelayMs);
    return () => clearTimeout(timer);
  }, [api, token, query, client]);

  const toggle = (user: User) =>
    setChosen((current) => (kind === 'direct' ? [user] : current.some((u) => u.userId === user.userId)
      ? current.filter((u) => u.userId !== user.userId) : [...current, user]));

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
    <div className="overlay" onKeyDown={(e) => e.key === 'Escape' && onClose()}>
      <form className="dialog" role="dialog" aria-modal="true" aria-labelledby="new-chat-title" onSubmit={create}>
        <h2 id="new-chat-title">New chat</h2>
        <fieldset>
          <legend>Kind</legend>
          <label><input type="radio" name="kind" checked={kind === 'direct'} onChange={() => { setKind('direct'); setChosen(chosen.slice(0, 1)); }} /> Direct message</label>
          <label><input type="radio" name="kind" checked={kind === 'group'} onChange={() => setKind('group')} /> Group</label>
        </fieldset>
        {kind === 'group' && <label>Group name<input value={name} onChange={(e) => setName(e.target.value)} maxLength={100} required /></label>}
        <label>Find people by username<input type="search" value={query} onChange={(e) => setQuery(e.target.value)} autoFocus /></label>
        <ul className="user-results" aria-label="Search results">
          {found.map((u) => (
            <li key={u.userId}>
              <label>
                <input type={kind === 'direct' ? 'radio' : 'checkbox'} name="member" checked={chosen.some((c) => c.userId === u.userId)} onChange={() => toggle(u)} />
                {u.displayName} <span className="username">@{u.username}</span>
              </label>
            </li>
          ))}
        </ul>
        {chosen.length > 0 && <p>Chosen: {chosen.map((u) => u.displayName).join(', ')}</p>}
        {error && <p role="alert" className="error">{error}</p>}
        <div className="actions">
          <button type="button" onClick={() => onClose()}>Cancel</button>
          <button type="submit" disabled={!ready}>Create</button>
        </div>
      </form>
    </div>
  );
}
