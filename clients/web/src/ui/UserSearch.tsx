import { useEffect, useState } from 'react';
import { userMessage } from '../api/errors';
import type { RestApi } from '../api/rest';
import type { User } from '../api/types';

interface Props {
  api: RestApi;
  token: string;
  /** Users never offered (the user themself; members already in the room). */
  exclude: readonly string[];
  /** One choice (radio buttons) or several (checkboxes). */
  multiple: boolean;
  chosen: readonly User[];
  onToggle: (user: User) => void;
  onError: (message: string) => void;
  autoFocus?: boolean;
}

const searchDelayMs = 250;

/** "Find people by username": a prefix search (GET /api/users?search=) as the user types, results to pick from. */
export function UserSearch({ api, token, exclude, multiple, chosen, onToggle, onError, autoFocus }: Props) {
  const [query, setQuery] = useState('');
  const [found, setFound] = useState<User[]>([]);
  const excluded = exclude.join('\u0000');

  useEffect(() => {
    const prefix = query.trim();
    if (!prefix) return setFound([]);
    const timer = setTimeout(() => {
      api.search(token, prefix).then((list) => setFound(list.filter((u) => !excluded.split('\u0000').includes(u.userId))), (e) => onError(userMessage(e)));
    }, searchDelayMs);
    return () => clearTimeout(timer);
  }, [api, token, query, excluded, onError]);

  return (
    <>
      <label>Find people by username<input type="search" value={query} onChange={(e) => setQuery(e.target.value)} autoFocus={autoFocus} /></label>
      <ul className="user-results" aria-label="Search results">
        {found.map((u) => (
          <li key={u.userId}>
            <label>
              <input type={multiple ? 'checkbox' : 'radio'} name="member" checked={chosen.some((c) => c.userId === u.userId)} onChange={() => onToggle(u)} />
              {u.displayName} <span className="username">@{u.username}</span>
            </label>
          </li>
        ))}
      </ul>
      {chosen.length > 0 && <p>Chosen: {chosen.map((u) => u.displayName).join(', ')}</p>}
    </>
  );
}

/** The toggle rule both pickers share: a single choice replaces, a multiple one adds or removes. */
export function toggled(current: readonly User[], user: User, multiple: boolean): User[] {
  if (!multiple) return [user];
  return current.some((u) => u.userId === user.userId) ? current.filter((u) => u.userId !== user.userId) : [...current, user];
}
