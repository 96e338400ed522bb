import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import {
  createdApiTokenSchema,
  createdInvitationSchema,
  docRecordSchema,
  groupSchema,
  sessionSchema,
} from '../../shared/api/schemas';
import { DocKind, newDocId, Role } from '../../shared/index';
import { mapWithConcurrency } from './waitFor';

/** Documents registered at once: enough to be quick, few enough not to flood the API. */
const REGISTER_CONCURRENCY = 8;
const PASSWORD = 'bench-password-1';

/** The people and documents a benchmark uses on our relay, created through the real HTTP API. */
export interface BenchWorkspace {
  /** One API token per member of the bench group, passed as `?token=`; the first is the secretariat's. */
  readonly tokens: readonly string[];
  /** Registers `count` new proposal documents in the bench group; resolves with their ids. */
  registerDocs(count: number): Promise<string[]>;
}

/** Sends one JSON request with the token and checks the answer against its schema. */
export async function callApi<T extends z.ZodType>(
  baseUrl: string,
  request: { method: string; path: string; token?: string; body?: unknown },
  schema: T,
): Promise<z.infer<T>> {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (request.token !== undefined) {
    headers.authorization = `Bearer ${request.token}`;
  }
  const body = request.body === undefined ? null : JSON.stringify(request.body);
  const response = await fetch(`${baseUrl}${request.path}`, { method: request.method, headers, body });
  const text = await response.text();
  if (!response.ok) {
    throw new Error(`${request.method} ${request.path} answered ${response.status}: ${text.slice(0, 300)}`);
  }
  return schema.parse(text === '' ? null : JSON.parse(text));
}

/** Creates an API token for the holder of a session and returns it. */
async function apiTokenOf(baseUrl: string, sessionToken: string): Promise<string> {
  const created = await callApi(
    baseUrl,
    { method: 'POST', path: '/api/tokens', token: sessionToken, body: { name: 'bench', currentPassword: PASSWORD } },
    createdApiTokenSchema,
  );
  return created.token;
}

/**
 * Completes the first-run setup with the token the server printed, creates one group with the
 * secretariat and `members` invited members in it, and an API token for each, as a deployment's
 * scripts would.
 */
export async function seedBenchWorkspace(
  baseUrl: string,
  setupToken: string,
  members: number,
): Promise<BenchWorkspace> {
  const admin = await callApi(
    baseUrl,
    {
      method: 'POST',
      path: '/api/setup',
      body: { token: setupToken, username: 'bench', name: '基准秘书处', password: PASSWORD },
    },
    sessionSchema,
  );
  const group = await callApi(
    baseUrl,
    { method: 'POST', path: '/api/groups', token: admin.token, body: { name: '基准小组' } },
    groupSchema,
  );
  await callApi(
    baseUrl,
    { method: 'PUT', path: `/api/groups/${group.id}/members/${admin.user.id}`, token: admin.token },
    groupSchema,
  );
  const tokens = [await apiTokenOf(baseUrl, admin.token)];
  for (let index = 0; index < members; index += 1) {
    const invitation = await callApi(
      baseUrl,
      {
        method: 'POST',
        path: '/api/invitations',
        token: admin.token,
        body: { role: Role.member, groupIds: [group.id] },
      },
      createdInvitationSchema,
    );
    const member = await callApi(
      baseUrl,
      {
        method: 'POST',
        path: `/api/invitations/${encodeURIComponent(invitation.token)}/accept`,
        body: { username: `member${index + 1}`, name: `委员${index + 1}`, password: PASSWORD },
      },
      sessionSchema,
    );
    tokens.push(await apiTokenOf(baseUrl, member.token));
  }
  const registerDocs = (count: number): Promise<string[]> =>
    mapWithConcurrency(count, REGISTER_CONCURRENCY, async () => {
      const id = newDocId();
      const body = { id, kind: DocKind.proposal, groupId: group.id, title: '' };
      const record = await callApi(
        baseUrl,
        { method: 'POST', path: '/api/docs', token: admin.token, body },
        docRecordSchema,
      );
      return record.id;
    });
  return { tokens, registerDocs };
}

/** The reference relay has no accounts: any room name serves, and tokens are not sent. */
export const REFERENCE_WORKSPACE: BenchWorkspace = {
  tokens: [],
  registerDocs: (count) => Promise.resolve(Array.from({ length: count }, () => randomUUID())),
};
