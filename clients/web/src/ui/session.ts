import type { LoginResult, User } from '../api/types';

export interface Session { token: string; expiresAt: string; user: User }

// sessionStorage: a reload keeps the user signed in, closing the tab signs out; the token never goes elsewhere.
const key = 'chatdapr.session';

export function loadSession(now = Date.now()): Session | undefined {
  const raw = sessionStorage.getItem(key);
  const session = raw ? (JSON.parse(raw) as Session) : undefined;
  return session && Date.parse(session.expiresAt) > now ? session : undefined;
}

export function saveSession(login: LoginResult, user: User): Session {
  const session = { token: login.accessToken, expiresAt: login.expiresAt, user };
  sessionStorage.setItem(key, JSON.stringify(session));
  return session;
}

export function clearSession(): void {
  sessionStorage.removeItem(key);
}
