import { describe, expect, it } from 'vitest';
import { newDocId } from '../../../shared';
import { ClientError } from '../errors';
import { ApiClient } from './ApiClient';

interface Seen {
  readonly url: string;
  readonly init: RequestInit | undefined;
}

function client(answer: (seen: Seen) => Response | Promise<Response>) {
  const seen: Seen[] = [];
  const api = new ApiClient({
    fetch: async (input, init) => {
      const request = { url: String(input), init };
      seen.push(request);
      return answer(request);
    },
  });
  return { api, seen };
}

function json(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json', ...headers } });
}

const me = {
  id: '0d9e7a64-2a3b-4f3c-9f7e-1a2b3c4d5e6f',
  username: 'wang.fang',
  name: '王芳',
  role: 'member',
  groupIds: [],
  isActive: true,
  mustChangePassword: false,
  unitId: null,
};

describe('ApiClient', () => {
  it('sends JSON with the session cookie of this origin and validates the answer', async () => {
    const { api, seen } = client(() => json(200, { token: 't', user: me }));
    const session = await api.signIn({ username: '  Wang.Fang ', password: 'correct horse' });
    expect(session.user.name).toBe('王芳');
    expect(seen[0]?.url).toBe('/api/session');
    expect(seen[0]?.init).toMatchObject({ method: 'POST', credentials: 'same-origin' });
    expect(JSON.parse(String(seen[0]?.init?.body))).toEqual({ username: 'wang.fang', password: 'correct horse' });
  });

  it('turns an error answer into a ClientError with the fields of the contract', async () => {
    const { api } = client(() =>
      json(403, { error: 'forbidden', message: 'Not a member of the group', denial: 'not_in_group' }),
    );
    const error = await api.getDoc(newDocId()).catch((err: unknown) => err);
    expect(error).toBeInstanceOf(ClientError);
    expect(error).toMatchObject({ status: 403, code: 'forbidden', denial: 'not_in_group' });
    expect((error as ClientError).message).toBe('Not a member of the group');
  });

  it('reads when to try again from a rate limit, and the bad lines of a refused roster', async () => {
    const limited = client(() => json(429, { error: 'rate_limited', message: 'Too many' }, { 'retry-after': '30' }));
    await expect(limited.api.signIn({ username: 'a', password: 'b' })).rejects.toMatchObject({ retryAfterSeconds: 30 });
    const problems = [
      { line: 3, code: 'role_unknown', field: 'role', params: { value: '皇帝' }, message: 'unknown role' },
    ];
    const roster = client(() => json(400, { error: 'bad_request', message: 'Roster refused', problems }));
    await expect(roster.api.importRoster(new Blob(['姓名,用户名\n']))).rejects.toMatchObject({ problems });
    expect(roster.seen[0]?.init?.headers).toMatchObject({ 'content-type': 'text/csv' });
  });

  it('gives an error with the status’s code when the body is not the API’s (a proxy page)', async () => {
    const { api } = client(() => new Response('<html>Bad gateway</html>', { status: 502 }));
    await expect(api.me()).rejects.toMatchObject({
      status: 502,
      code: 'internal',
      message: 'GET /api/me answered 502',
    });
  });

  it('turns a request that got no answer into a network error (offline)', async () => {
    const api = new ApiClient({ fetch: () => Promise.reject(new TypeError('Failed to fetch')) });
    await expect(api.workspace()).rejects.toMatchObject({ code: 'network' });
  });

  it('refuses an answer that does not match its schema, naming the request', async () => {
    const { api } = client(() => json(200, { ...me, role: 'emperor' }));
    await expect(api.me()).rejects.toMatchObject({ code: 'invalid_response' });
  });

  it('refuses a bad request body before sending it, naming the field', async () => {
    const { api, seen } = client(() => json(201, {}));
    await expect(api.createGroup('   ')).rejects.toMatchObject({ status: 400, code: 'bad_request', field: 'name' });
    expect(seen).toHaveLength(0);
  });

  it('reports a 401 of a signed-in request as the end of the session, but not a wrong password', async () => {
    const { api } = client(() => json(401, { error: 'unauthorized', message: 'Sign in again' }));
    let ended = 0;
    api.onUnauthorized(() => {
      ended += 1;
    });
    await expect(api.signIn({ username: 'a', password: 'b' })).rejects.toBeInstanceOf(ClientError);
    expect(ended).toBe(0);
    await expect(api.listDocs()).rejects.toBeInstanceOf(ClientError);
    expect(ended).toBe(1);
  });

  it('accepts 204 answers without a body', async () => {
    const { api, seen } = client(() => new Response(null, { status: 204 }));
    await expect(api.revokeToken('tok 1')).resolves.toBeUndefined();
    expect(seen[0]?.url).toBe('/api/tokens/tok%201');
    expect(seen[0]?.init?.method).toBe('DELETE');
  });
});
