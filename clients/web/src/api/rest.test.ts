import { describe, expect, it } from 'vitest';
import { parseErrorCode } from './errors';
import { RestApi, RestError } from './rest';

function fakeFetch(status: number, body: unknown, seen: { url?: string; init?: RequestInit } = {}): typeof fetch {
  return async (url, init) => {
    seen.url = String(url);
    seen.init = init;
    return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
  };
}

describe('RestApi', () => {
  it('logs in with a JSON body', async () => {
    const seen: { url?: string; init?: RequestInit } = {};
    const api = new RestApi(fakeFetch(200, { accessToken: 't', expiresAt: 'x', userId: 'u' }, seen));
    await expect(api.login('alice', 'secret-pw')).resolves.toMatchObject({ accessToken: 't' });
    expect(seen.url).toBe('/api/auth/login');
    expect(JSON.parse(String(seen.init?.body))).toEqual({ username: 'alice', password: 'secret-pw' });
  });

  it('sends the bearer token and encodes the search prefix', async () => {
    const seen: { url?: string; init?: RequestInit } = {};
    await new RestApi(fakeFetch(200, [], seen)).search('tok', 'a b');
    expect(seen.url).toBe('/api/users?search=a%20b');
    expect((seen.init?.headers as Record<string, string>).Authorization).toBe('Bearer tok');
  });

  it('turns problem details into an error whose code parses', async () => {
    const api = new RestApi(fakeFetch(409, { type: 'conflict', title: 'conflict', status: 409, detail: 'conflict: the username is taken' }));
    const error = await api.register('alice', 'secret-pw', 'Alice').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RestError);
    expect((error as RestError).status).toBe(409);
    expect(parseErrorCode((error as RestError).message)).toBe('conflict');
  });
});
