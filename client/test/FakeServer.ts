import { type DocId, type DocKind, DocStatus, type GroupId, Role, type UserId } from '../../shared';
import type { DocRecord, Group, Me } from '../../shared/api/schemas';

/** What a test's request handler answers. */
interface Answer {
  readonly status: number;
  readonly body?: unknown;
}

type Handler = (request: { method: string; path: string; body: unknown }) => Answer | undefined;

export function newUserId(): UserId {
  return crypto.randomUUID() as UserId;
}

export function newGroupId(): GroupId {
  return crypto.randomUUID() as GroupId;
}

export function makeMe(groupIds: readonly GroupId[], overrides: Partial<Me> = {}): Me {
  return {
    id: newUserId(),
    username: 'wang.fang',
    name: '王芳',
    role: Role.member,
    groupIds: [...groupIds],
    isActive: true,
    mustChangePassword: false,
    unitId: null,
    ...overrides,
  };
}

export function makeRecord(id: DocId, groupId: GroupId, overrides: Partial<DocRecord> = {}): DocRecord {
  return {
    id,
    kind: 'proposal',
    groupId,
    title: '',
    status: DocStatus.draft,
    isArchived: false,
    createdBy: null,
    createdAt: 1,
    updatedAt: 1,
    updatedBy: null,
    authorIds: [],
    cosigners: [],
    lastReturn: null,
    fields: {},
    ...overrides,
  };
}

/**
 * An in-memory stand-in for the HTTP API, enough for the client's workspace logic: sessions,
 * the workspace, and idempotent document registration. `fetch` goes through the real ApiClient.
 */
export class FakeServer {
  isOnline = true;
  /** The signed-in user, or null when the session is missing or expired (401). */
  sessionUser: Me | null = null;
  readonly users = new Map<string, { me: Me; password: string }>();
  readonly groups = new Map<GroupId, Group>();
  readonly docs = new Map<DocId, DocRecord>();
  /** Every request that reached the server, as `METHOD /path`. */
  readonly requests: string[] = [];
  /** The next answers are lost after the server handled the request (a dropped connection). */
  loseAnswers = 0;
  /** Answers tried before the built-in routes; return undefined to fall through. */
  handler: Handler = () => undefined;

  /** Each user's device key (`GET /api/me/device-key`): 32 bytes in base64url, made on first use. */
  deviceKeyOf(me: Me): string {
    let key = this.#deviceKeys.get(me.id);
    if (key === undefined) {
      const bytes = crypto.getRandomValues(new Uint8Array(32));
      key = btoa(String.fromCharCode(...bytes))
        .replaceAll('+', '-')
        .replaceAll('/', '_')
        .replace(/=+$/, '');
      this.#deviceKeys.set(me.id, key);
    }
    return key;
  }

  readonly #deviceKeys = new Map<string, string>();

  addUser(me: Me, password = 'correct horse'): Me {
    this.users.set(me.username, { me, password });
    for (const groupId of me.groupIds) {
      const group = this.groups.get(groupId) ?? { id: groupId, name: '经济界别', memberIds: [], createdAt: 1 };
      this.groups.set(groupId, { ...group, memberIds: [...group.memberIds, me.id] });
    }
    return me;
  }

  readonly fetch = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    if (!this.isOnline) {
      throw new TypeError('Failed to fetch');
    }
    const method = init?.method ?? 'GET';
    const path = String(input);
    const text = typeof init?.body === 'string' ? init.body : '';
    const body: unknown = text === '' ? undefined : JSON.parse(text);
    this.requests.push(`${method} ${path}`);
    const answer = this.handler({ method, path, body }) ?? this.#route(method, path, body);
    if (this.loseAnswers > 0) {
      this.loseAnswers -= 1;
      throw new TypeError('Failed to fetch');
    }
    const payload = answer.body === undefined ? null : JSON.stringify(answer.body);
    return new Response(payload, { status: answer.status, headers: { 'content-type': 'application/json' } });
  };

  #route(method: string, path: string, body: unknown): Answer {
    if (method === 'POST' && path === '/api/session') {
      const { username, password } = body as { username: string; password: string };
      const user = this.users.get(username);
      if (user === undefined || user.password !== password) {
        return { status: 401, body: { error: 'unauthorized', message: 'Wrong username or password' } };
      }
      this.sessionUser = user.me;
      return { status: 200, body: { token: 'secret', user: user.me } };
    }
    if (method === 'DELETE' && path === '/api/session') {
      this.sessionUser = null;
      return { status: 204 };
    }
    const me = this.sessionUser;
    if (me === null) {
      return { status: 401, body: { error: 'unauthorized', message: 'Sign in again' } };
    }
    return this.#signedIn(me, method, path, body);
  }

  #signedIn(me: Me, method: string, path: string, body: unknown): Answer {
    if (method === 'GET' && path === '/api/me') {
      return { status: 200, body: me };
    }
    if (method === 'GET' && path === '/api/me/device-key') {
      return { status: 200, body: { key: this.deviceKeyOf(me) } };
    }
    if (method === 'GET' && path === '/api/workspace') {
      const docs = [...this.docs.values()].filter((doc) => doc.groupId !== null && me.groupIds.includes(doc.groupId));
      return { status: 200, body: { me, groups: [...this.groups.values()], people: [], docs } };
    }
    if (method === 'POST' && path === '/api/docs') {
      return this.#register(me, body as { id: DocId; kind: DocKind; groupId: GroupId; title: string });
    }
    const docMatch = /^\/api\/docs\/([0-9a-f-]+)$/.exec(path);
    if (docMatch !== null) {
      const doc = this.docs.get(docMatch[1] as DocId);
      if (doc === undefined) {
        return { status: 404, body: { error: 'not_found', message: 'No such document' } };
      }
      if (method === 'PATCH') {
        const next = { ...doc, ...(body as { isArchived: boolean }) };
        this.docs.set(doc.id, next);
        return { status: 200, body: next };
      }
      return { status: 200, body: doc };
    }
    return { status: 404, body: { error: 'not_found', message: `No route for ${method} ${path}` } };
  }

  #register(me: Me, input: { id: DocId; kind: DocKind; groupId: GroupId; title: string }): Answer {
    if (!me.groupIds.includes(input.groupId)) {
      return {
        status: 403,
        body: { error: 'forbidden', message: `Not a member of group ${input.groupId}`, denial: 'not_in_group' },
      };
    }
    const existing = this.docs.get(input.id);
    if (existing !== undefined) {
      return existing.groupId === input.groupId && existing.kind === input.kind
        ? { status: 200, body: existing }
        : { status: 409, body: { error: 'conflict', message: `Document ${input.id} exists in another group` } };
    }
    const record = makeRecord(input.id, input.groupId, {
      kind: input.kind,
      title: input.title,
      createdBy: me.id,
      createdAt: 10,
      updatedAt: 10,
    });
    this.docs.set(input.id, record);
    return { status: 201, body: record };
  }
}
