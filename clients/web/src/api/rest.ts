import type { LoginResult, User } from './types';

/** A failed REST call; message is the problem detail ("<code>: <detail>"), so parseErrorCode applies. */
export class RestError extends Error {
  constructor(message: string, readonly status: number) {
    super(message);
  }
}

type Fetch = typeof fetch;

async function call<T>(fetcher: Fetch, path: string, init: RequestInit, token?: string): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (init.body) headers['Content-Type'] = 'application/json';
  if (token) headers.Authorization = `Bearer ${token}`;
  const response = await fetcher(path, { ...init, headers });
  if (!response.ok) {
    const problem = (await response.json().catch(() => undefined)) as { detail?: string; title?: string } | undefined;
    throw new RestError(problem?.detail ?? problem?.title ?? `HTTP ${response.status}`, response.status);
  }
  return (await response.json()) as T;
}

/** The gateway's REST API (docs/api.md); relative paths, so it works behind the gateway and the dev proxy. */
export class RestApi {
  constructor(private readonly fetcher: Fetch = (...args) => fetch(...args)) {}

  register(username: string, password: string, displayName: string): Promise<User> {
    return call(this.fetcher, '/api/auth/register', { method: 'POST', body: JSON.stringify({ username, password, displayName }) });
  }

  login(username: string, password: string): Promise<LoginResult> {
    return call(this.fetcher, '/api/auth/login', { method: 'POST', body: JSON.stringify({ username, password }) });
  }

  me(token: string): Promise<User> {
    return call(this.fetcher, '/api/users/me', { method: 'GET' }, token);
  }

  user(token: string, userId: string): Promise<User> {
    return call(this.fetcher, `/api/users/${encodeURIComponent(userId)}`, { method: 'GET' }, token);
  }

  search(token: string, prefix: string): Promise<User[]> {
    return call(this.fetcher, `/api/users?search=${encodeURIComponent(prefix)}`, { method: 'GET' }, token);
  }
}
