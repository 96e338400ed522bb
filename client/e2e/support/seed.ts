import type { Role } from '../../../shared';

/** Every seeded account's password: long enough for the server's rule, never used outside tests. */
export const TEST_PASSWORD = 'jianyan-e2e-password';

export interface Account {
  readonly id: string;
  readonly username: string;
  readonly name: string;
  readonly password: string;
  readonly role: Role;
  readonly groupIds: readonly string[];
}

export interface SeededGroup {
  readonly id: string;
  readonly name: string;
}

/** Answers of the API that the seed reads. */
interface SessionAnswer {
  readonly token: string;
  readonly user: { readonly id: string; readonly username: string; readonly role: Role; readonly groupIds: string[] };
}

/**
 * The server's HTTP API as the secretariat uses it, from Node: what browser tests need set up
 * before a person opens the app (accounts, groups, invitations). Browser code never imports it.
 */
export class ApiSeed {
  readonly baseUrl: string;
  readonly secretariat: Account;
  readonly #token: string;
  readonly #units = new Map<string, Promise<string>>();

  private constructor(baseUrl: string, secretariat: Account, token: string) {
    this.baseUrl = baseUrl;
    this.secretariat = secretariat;
    this.#token = token;
  }

  /** Completes the first-run setup from the link the server printed and signs the secretariat in. */
  static async setUp(baseUrl: string, setupUrl: string, name = '秘书处'): Promise<ApiSeed> {
    const token = new URL(setupUrl, baseUrl).pathname.split('/').pop() ?? '';
    const username = 'secretariat';
    const session = await request<SessionAnswer>(baseUrl, 'POST', '/api/setup', null, {
      token,
      username,
      name,
      password: TEST_PASSWORD,
    });
    const account = {
      id: session.user.id,
      username,
      name,
      password: TEST_PASSWORD,
      role: 'secretariat' as const,
      groupIds: [],
    };
    return new ApiSeed(baseUrl, account, session.token);
  }

  /** Sends a request as the secretariat; throws with the status and the server's message on a refusal. */
  call<T>(method: string, path: string, body?: unknown): Promise<T> {
    return request<T>(this.baseUrl, method, path, this.#token, body);
  }

  async createGroup(name: string): Promise<SeededGroup> {
    const group = await this.call<{ id: string; name: string }>('POST', '/api/groups', { name });
    return { id: group.id, name: group.name };
  }

  /** An invitation link's token for a role and groups (and a handling unit's account, its unit). */
  async invite(role: Role, groupIds: readonly string[], unitId?: string): Promise<{ url: string; token: string }> {
    const body = { role, groupIds, ...(unitId === undefined ? {} : { unitId }) };
    return this.call<{ url: string; token: string }>('POST', '/api/invitations', body);
  }

  /** The id of the handling unit of this name, created the first time it is asked for. */
  unitIdOf(name: string): Promise<string> {
    let unit = this.#units.get(name);
    if (unit === undefined) {
      unit = this.call<{ id: string }>('POST', '/api/units', { name }).then((created) => created.id);
      this.#units.set(name, unit);
    }
    return unit;
  }

  /** Invites a person and accepts the invitation as them: an account ready to sign in. */
  async createAccount(input: {
    readonly username: string;
    readonly name: string;
    readonly role: Role;
    readonly groupIds: readonly string[];
    readonly unitId?: string;
  }): Promise<Account> {
    const invitation = await this.invite(input.role, input.groupIds, input.unitId);
    const session = await request<SessionAnswer>(
      this.baseUrl,
      'POST',
      `/api/invitations/${encodeURIComponent(invitation.token)}/accept`,
      null,
      { username: input.username, name: input.name, password: TEST_PASSWORD },
    );
    return { ...input, id: session.user.id, password: TEST_PASSWORD };
  }

  /**
   * Imports a roster (`姓名,用户名,角色,小组` lines) as the secretariat, as a text/csv file, and
   * answers each account's username and one-time password.
   */
  async importRoster(lines: readonly string[]): Promise<{ username: string; oneTimePassword: string }[]> {
    const response = await fetch(`${this.baseUrl}/api/roster`, {
      method: 'POST',
      headers: { authorization: `Bearer ${this.#token}`, 'content-type': 'text/csv', accept: 'application/json' },
      body: `${['姓名,用户名,角色,小组', ...lines].join('\r\n')}\r\n`,
    });
    const text = await response.text();
    if (!response.ok) {
      throw new Error(`POST /api/roster answered ${response.status}: ${text}`);
    }
    return (JSON.parse(text) as { accounts: { username: string; oneTimePassword: string }[] }).accounts;
  }

  /** Signs a person in from Node and returns the session token (to end it from elsewhere). */
  async signIn(account: Account): Promise<string> {
    const body = { username: account.username, password: account.password };
    return (await request<SessionAnswer>(this.baseUrl, 'POST', '/api/session', null, body)).token;
  }
}

async function request<T>(baseUrl: string, method: string, path: string, token: string | null, body?: unknown) {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (token !== null) {
    headers.authorization = `Bearer ${token}`;
  }
  if (body !== undefined) {
    headers['content-type'] = 'application/json';
  }
  const response = await fetch(`${baseUrl}${path}`, {
    method,
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  if (!response.ok) {
    throw new Error(`${method} ${path} answered ${response.status}: ${text}`);
  }
  return (text === '' ? undefined : JSON.parse(text)) as T;
}
