import { afterEach, describe, expect, it } from 'vitest';
import { sessionSchema } from '../../shared/api/schemas';
import { DocKind, newDocId, Role } from '../../shared/index';
import type { ServerOptions } from '../startServer';
import { apiRequest, cookieOf, expectOk, FAST_PASSWORDS } from './support/apiRequest';
import { rawRequest } from './support/rawRequest';
import { SyncClient } from './support/SyncClient';
import { SEED_PASSWORD, type SeededWorkspace, seedWorkspace } from './support/seedWorkspace';
import { startTestServer, type TestServer } from './support/testServer';

const PUBLIC_URL = 'https://jianyan.example.gov.cn';
const FOREIGN = 'https://evil.example';

const running: { server: TestServer; clients: SyncClient[] }[] = [];
afterEach(async () => {
  for (const { server, clients } of running.splice(0)) {
    await Promise.all(clients.map((client) => client.close()));
    await server.dispose();
  }
});

type Workspace = SeededWorkspace<'g', 'li'>;

/** A fresh server with these options, seeded with one member, li, of the group g. */
async function start(
  options: Partial<ServerOptions> = {},
): Promise<{ server: TestServer; workspace: Workspace; clients: SyncClient[] }> {
  const server = await startTestServer({ passwordParams: FAST_PASSWORDS, ...options });
  const clients: SyncClient[] = [];
  running.push({ server, clients });
  const workspace = await seedWorkspace(server, {
    groups: ['g'],
    people: { li: { role: Role.member, groups: ['g'] } },
  });
  return { server, workspace, clients };
}

function signIn(url: string, headers: Record<string, string> = {}) {
  return apiRequest(url, 'POST', '/api/session', { json: { username: 'li', password: SEED_PASSWORD }, headers });
}

describe('PUBLIC_URL over https', () => {
  it('sends HSTS and a Secure __Host- session cookie, which is the one read back', async () => {
    const { server } = await start({ publicUrl: PUBLIC_URL });
    const health = await apiRequest(server.url, 'GET', '/healthz');
    expect(health.headers.get('strict-transport-security')).toBe('max-age=31536000; includeSubDomains');

    const answer = await signIn(server.url);
    const cookie = cookieOf(answer, '__Host-jianyan_session');
    expect(cookie?.attributes).toContain('Secure');
    expect(cookie?.attributes).toContain('Path=/');
    expect(cookie?.attributes).not.toMatch(/Domain=/i);
    expect(cookieOf(answer, 'jianyan_session')).toBeNull();

    const token = expectOk(answer, sessionSchema).token;
    const byPrefixed = await apiRequest(server.url, 'GET', '/api/me', {
      headers: { cookie: `__Host-jianyan_session=${token}` },
    });
    expect(byPrefixed.status).toBe(200);
    const byPlainName = await apiRequest(server.url, 'GET', '/api/me', {
      headers: { cookie: `jianyan_session=${token}` },
    });
    expect(byPlainName.status).toBe(401);
  });

  it('builds the setup link and invitation links on PUBLIC_URL, even with a forged Host header', async () => {
    const { server, workspace } = await start({ publicUrl: PUBLIC_URL });
    const answer = await rawRequest(server.url, {
      method: 'POST',
      path: '/api/invitations',
      headers: {
        host: 'evil.example',
        authorization: `Bearer ${workspace.secretariat.token}`,
        'content-type': 'application/json',
      },
      body: JSON.stringify({ role: Role.member, groupIds: [] }),
    });
    expect(answer.status).toBe(201);
    expect((JSON.parse(answer.text) as { url: string }).url).toMatch(
      /^https:\/\/jianyan\.example\.gov\.cn\/join\/[\w-]{43}$/,
    );
  });

  it('prints the first setup link on PUBLIC_URL', async () => {
    const server = await startTestServer({ passwordParams: FAST_PASSWORDS, publicUrl: `${PUBLIC_URL}/` });
    running.push({ server, clients: [] });
    expect(server.setupUrl).toMatch(/^https:\/\/jianyan\.example\.gov\.cn\/setup\/[\w-]{43}$/);
  });

  it('refuses to start with a PUBLIC_URL that has a path', async () => {
    await expect(startTestServer({ publicUrl: 'https://jianyan.example.gov.cn/app' })).rejects.toThrow(/PUBLIC_URL/);
  });
});

describe('plain http and forwarded headers', () => {
  it('sends no HSTS and a plain cookie without Secure over http, whatever an untrusted peer claims', async () => {
    const { server } = await start();
    const answer = await signIn(server.url, { 'x-forwarded-proto': 'https' });
    expect(answer.headers.get('strict-transport-security')).toBeNull();
    expect(cookieOf(answer, 'jianyan_session')?.attributes).not.toContain('Secure');
  });

  it('believes X-Forwarded-Proto from a TRUST_PROXY peer', async () => {
    const { server } = await start({ trustProxy: ['127.0.0.1'] });
    const answer = await signIn(server.url, { 'x-forwarded-proto': 'https' });
    expect(answer.headers.get('strict-transport-security')).not.toBeNull();
    expect(cookieOf(answer, 'jianyan_session')?.attributes).toContain('Secure');
  });

  it('ignores X-Forwarded-For from an untrusted peer: changing it does not escape the throttle', async () => {
    const { server } = await start();
    for (let i = 0; i < 5; i += 1) {
      const wrong = { username: 'li', password: 'wrong-password' };
      await apiRequest(server.url, 'POST', '/api/session', {
        json: wrong,
        headers: { 'x-forwarded-for': `203.0.113.${i}` },
      });
    }
    const next = await signIn(server.url, { 'x-forwarded-for': '198.51.100.2' });
    expect(next.status).toBe(429);
  });

  it('honours X-Forwarded-For from a TRUST_PROXY peer: the right-most untrusted address is the client', async () => {
    const { server } = await start({ trustProxy: ['127.0.0.1', '10.0.0.2'] });
    for (let i = 0; i < 5; i += 1) {
      const wrong = { username: 'li', password: 'wrong-password' };
      // A forged left-most entry does not help the attacker: 203.0.113.7 is who 10.0.0.2 saw.
      const forwarded = `198.51.100.${i}, 203.0.113.7, 10.0.0.2`;
      await apiRequest(server.url, 'POST', '/api/session', { json: wrong, headers: { 'x-forwarded-for': forwarded } });
    }
    expect((await signIn(server.url, { 'x-forwarded-for': '203.0.113.7' })).status).toBe(429);
    expect((await signIn(server.url, { 'x-forwarded-for': '198.51.100.2' })).status).toBe(200);
  });
});

describe('the Origin check of cookie-authenticated requests', () => {
  async function signedIn(options: Partial<ServerOptions> = {}) {
    const started = await start(options);
    const answer = await signIn(started.server.url);
    const name = options.publicUrl?.startsWith('https:') === true ? '__Host-jianyan_session' : 'jianyan_session';
    const cookie = `${name}=${cookieOf(answer, name)?.value ?? ''}`;
    return { ...started, cookie };
  }

  const newDoc = (groupId: string) => ({ json: { id: newDocId(), groupId, kind: DocKind.proposal } });

  it("refuses a state-changing request with a foreign Origin or none, and accepts this site's", async () => {
    const { server, workspace, cookie } = await signedIn();
    const body = newDoc(workspace.groups.g.id);
    const foreign = await apiRequest(server.url, 'POST', '/api/docs', {
      ...body,
      headers: { cookie, origin: FOREIGN },
    });
    expect(foreign.status).toBe(403);
    expect(foreign.body).toMatchObject({
      error: 'origin_refused',
      message: expect.stringContaining('Origin https://evil.example'),
    });
    const none = await apiRequest(server.url, 'POST', '/api/docs', { ...body, headers: { cookie } });
    expect(none.status).toBe(403);
    expect(none.body).toMatchObject({ error: 'origin_refused', message: expect.stringContaining('no Origin header') });
    const own = await apiRequest(server.url, 'POST', '/api/docs', { ...body, headers: { cookie, origin: server.url } });
    expect(own.status).toBe(201);
    const signOut = await apiRequest(server.url, 'DELETE', '/api/session', { headers: { cookie, origin: FOREIGN } });
    expect(signOut.status).toBe(403);
  });

  it('does not check a Bearer token, which no browser sends by itself', async () => {
    const { server, workspace } = await signedIn();
    const answer = await apiRequest(server.url, 'POST', '/api/docs', {
      ...newDoc(workspace.groups.g.id),
      token: workspace.people.li.token,
    });
    expect(answer.status).toBe(201);
  });

  it('wants PUBLIC_URL as the Origin when it is set, not the address the request reached', async () => {
    const { server, workspace, cookie } = await signedIn({ publicUrl: PUBLIC_URL });
    const body = newDoc(workspace.groups.g.id);
    const direct = await apiRequest(server.url, 'POST', '/api/docs', {
      ...body,
      headers: { cookie, origin: server.url },
    });
    expect(direct.status).toBe(403);
    const viaPublic = await apiRequest(server.url, 'POST', '/api/docs', {
      ...body,
      headers: { cookie, origin: PUBLIC_URL },
    });
    expect(viaPublic.status).toBe(201);
  });

  it('refuses a sign-in posted from a page of another site', async () => {
    const { server } = await start();
    expect((await signIn(server.url, { origin: FOREIGN })).status).toBe(403);
  });

  it('refuses a relay upgrade with the session cookie from a foreign Origin, not one with ?token=', async () => {
    const { server, workspace, cookie, clients } = await signedIn();
    const doc = await workspace.createDoc('li', { groupKey: 'g', kind: DocKind.proposal });
    const foreign = new SyncClient(server.wsUrl, doc.id, { headers: { cookie, origin: FOREIGN } });
    clients.push(foreign);
    await expect(foreign.opened).rejects.toThrow(/403/);
    const noOrigin = new SyncClient(server.wsUrl, doc.id, { headers: { cookie } });
    clients.push(noOrigin);
    await expect(noOrigin.opened).rejects.toThrow(/403/);
    const own = await SyncClient.connect(server.wsUrl, doc.id, { headers: { cookie, origin: server.url } });
    clients.push(own);
    const byToken = await SyncClient.connect(server.wsUrl, doc.id, {
      token: workspace.people.li.token,
      headers: { origin: FOREIGN },
    });
    clients.push(byToken);
    expect(own.closed).toBeNull();
    expect(byToken.closed).toBeNull();
  });
});
