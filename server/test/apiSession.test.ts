import { beforeEach, describe, expect, it } from 'vitest';
import { meSchema, sessionSchema } from '../../shared/api/schemas';
import { Role } from '../../shared/index';
import { apiRequest, cookieOf, expectOk, FAST_PASSWORDS } from './support/apiRequest';
import { SEED_PASSWORD, seedWorkspace } from './support/seedWorkspace';
import { setupTestServer } from './support/setupTestServer';
import { startTestServer } from './support/testServer';

const DAY_MS = 24 * 60 * 60 * 1000;

/** The server's clock: starts at the real time for each test, which may move it on. */
const clock = { now: 0 };
beforeEach(() => {
  clock.now = Date.now();
});
const ctx = setupTestServer({ isPerTest: true, server: { now: () => clock.now } });

const setupTokenOf = (url: string | null) => url?.split('/').at(-1) ?? '';

async function seedOne() {
  return seedWorkspace(ctx.server, { groups: ['g'], people: { li: { role: Role.member, groups: ['g'] } } });
}

function signIn(username: string, password: string) {
  return apiRequest(ctx.server.url, 'POST', '/api/session', { json: { username, password } });
}

describe('first-run setup', () => {
  it('creates the first secretariat account through the printed link, once only', async () => {
    expect((await apiRequest(ctx.server.url, 'GET', '/api/setup')).body).toEqual({ isNeeded: true });
    const token = setupTokenOf(ctx.server.setupUrl);
    const body = { token, username: 'Admin', name: '秘书处', password: 'first-password' };

    const wrong = await apiRequest(ctx.server.url, 'POST', '/api/setup', { json: { ...body, token: 'x'.repeat(43) } });
    expect(wrong.status).toBe(410);
    expect(wrong.body).toMatchObject({ error: 'gone', message: expect.stringContaining('setup link') });

    const done = await apiRequest(ctx.server.url, 'POST', '/api/setup', { json: body });
    const session = expectOk(done, sessionSchema);
    expect(session.user).toMatchObject({ username: 'admin', role: 'secretariat', mustChangePassword: false });
    expect(cookieOf(done, 'jianyan_session')?.value).toBe(session.token);

    const again = await apiRequest(ctx.server.url, 'POST', '/api/setup', { json: { ...body, username: 'second' } });
    expect(again.status).toBe(410);
    expect((await apiRequest(ctx.server.url, 'GET', '/api/setup')).body).toEqual({ isNeeded: false });
  });

  it('prints no setup link once an account exists', async () => {
    await seedOne();
    const restarted = await startTestServer({ dataDir: ctx.server.dataDir, passwordParams: FAST_PASSWORDS });
    try {
      expect(restarted.setupUrl).toBeNull();
    } finally {
      await restarted.close();
    }
  });
});

describe('signing in', () => {
  it('answers the token and the user and sets an HttpOnly, SameSite=Lax session cookie for 30 days', async () => {
    await seedOne();
    const answer = await signIn('LI', SEED_PASSWORD);
    const session = expectOk(answer, sessionSchema);
    expect(session.user).toMatchObject({ username: 'li', role: 'member' });
    const cookie = cookieOf(answer, 'jianyan_session');
    expect(cookie?.value).toBe(session.token);
    expect(cookie?.attributes).toContain('HttpOnly');
    expect(cookie?.attributes).toContain('SameSite=Lax');
    expect(cookie?.attributes).toContain('Path=/');
    expect(cookie?.attributes).toContain(`Max-Age=${30 * 24 * 60 * 60}`);
    expect(cookie?.attributes).not.toContain('Secure');

    const me = await apiRequest(ctx.server.url, 'GET', '/api/me', {
      headers: { cookie: `jianyan_session=${session.token}` },
    });
    expect(expectOk(me, meSchema).username).toBe('li');
  });

  it('ignores X-Forwarded-Proto from a peer that is not a trusted proxy (apiTrust covers TRUST_PROXY)', async () => {
    await seedOne();
    const answer = await apiRequest(ctx.server.url, 'POST', '/api/session', {
      json: { username: 'li', password: SEED_PASSWORD },
      headers: { 'x-forwarded-proto': 'https' },
    });
    expect(cookieOf(answer, 'jianyan_session')?.attributes).not.toContain('Secure');
    expect(answer.headers.get('strict-transport-security')).toBeNull();
  });

  it('refuses a wrong password and an unknown username with the same 401', async () => {
    await seedOne();
    const wrong = await signIn('li', 'wrong-password');
    const unknown = await signIn('nobody', SEED_PASSWORD);
    expect(wrong.status).toBe(401);
    expect(wrong.body).toEqual({ error: 'unauthorized', message: 'Wrong username or password' });
    expect(unknown.status).toBe(401);
    expect(unknown.body).toEqual(wrong.body);
  });

  it('slows down repeated failures: 429 with Retry-After after five, even for the right password', async () => {
    await seedOne();
    for (let attempt = 0; attempt < 5; attempt += 1) {
      expect((await signIn('li', `wrong-${attempt}`)).status).toBe(401);
    }
    const blocked = await signIn('li', SEED_PASSWORD);
    expect(blocked.status).toBe(429);
    expect(blocked.headers.get('retry-after')).toBe('30');
    expect(blocked.body).toMatchObject({ error: 'rate_limited', retryAfterSeconds: 30 });

    clock.now += 30_000;
    expect((await signIn('li', SEED_PASSWORD)).status).toBe(200);
    expect((await signIn('li', 'wrong-again')).status).toBe(401);
  });

  it('ends a session after 30 days', async () => {
    await seedOne();
    const { token } = expectOk(await signIn('li', SEED_PASSWORD), sessionSchema);
    clock.now += 30 * DAY_MS - 1;
    expect((await apiRequest(ctx.server.url, 'GET', '/api/me', { token })).status).toBe(200);
    clock.now += 1;
    const expired = await apiRequest(ctx.server.url, 'GET', '/api/me', { token });
    expect(expired.status).toBe(401);
    expect(expired.body).toMatchObject({ error: 'unauthorized', message: expect.stringContaining('sign in again') });
  });
});

describe('signing out and changing the password', () => {
  it('ends this session and clears the cookie, signed in or not', async () => {
    const { people } = await seedOne();
    const answer = await apiRequest(ctx.server.url, 'DELETE', '/api/session', { token: people.li.token });
    expect(answer.status).toBe(204);
    expect(cookieOf(answer, 'jianyan_session')).toMatchObject({ value: '' });
    expect((await apiRequest(ctx.server.url, 'GET', '/api/me', { token: people.li.token })).status).toBe(401);
    expect((await apiRequest(ctx.server.url, 'DELETE', '/api/session')).status).toBe(204);
  });

  it('changes the password and ends the other sessions, keeping this one', async () => {
    const { people } = await seedOne();
    const other = expectOk(await signIn('li', SEED_PASSWORD), sessionSchema).token;
    const path = '/api/me/password';

    const wrong = await apiRequest(ctx.server.url, 'POST', path, {
      token: people.li.token,
      json: { currentPassword: 'not-it', newPassword: 'new-password-2' },
    });
    expect(wrong.status).toBe(401);
    expect(wrong.body).toMatchObject({ message: 'The current password is wrong' });

    const changed = await apiRequest(ctx.server.url, 'POST', path, {
      token: people.li.token,
      json: { currentPassword: SEED_PASSWORD, newPassword: 'new-password-2' },
    });
    expect(changed.status).toBe(200);
    expect(changed.body).toEqual({ revokedApiTokens: 0 });
    expect((await apiRequest(ctx.server.url, 'GET', '/api/me', { token: people.li.token })).status).toBe(200);
    expect((await apiRequest(ctx.server.url, 'GET', '/api/me', { token: other })).status).toBe(401);
    expect((await signIn('li', SEED_PASSWORD)).status).toBe(401);
    expect((await signIn('li', 'new-password-2')).status).toBe(200);
  });

  it('refuses a new password that is too short, naming the field', async () => {
    const { people } = await seedOne();
    const answer = await apiRequest(ctx.server.url, 'POST', '/api/me/password', {
      token: people.li.token,
      json: { currentPassword: SEED_PASSWORD, newPassword: 'short' },
    });
    expect(answer.status).toBe(400);
    expect(answer.body).toMatchObject({ error: 'bad_request', field: 'newPassword' });
  });
});
