import type { z } from 'zod';
import { unitSchema } from '../../../shared/api/handling';
import {
  createdInvitationSchema,
  type DocRecord,
  docRecordSchema,
  groupSchema,
  sessionSchema,
  USERNAME_PATTERN,
} from '../../../shared/api/schemas';
import {
  type DocId,
  type DocKind,
  type GroupId,
  newDocId,
  type Role,
  type UnitId,
  type UserId,
} from '../../../shared/index';
import { apiRequest, expectOk } from './apiRequest';

/** The password of every seeded account. */
export const SEED_PASSWORD = 'seed-password-1';
const SECRETARIAT_USERNAME = 'secretariat';

/** Whom to create: groups by key (the key is the name) and people by key (the key is the username). */
export interface SeedPlan<G extends string, P extends string> {
  readonly groups: readonly G[];
  readonly people: {
    readonly [K in P]: {
      readonly role: Role;
      readonly groups?: readonly G[];
      readonly name?: string;
      /** A handling unit's account (role `unit`): the name of its unit, one of `units`. */
      readonly unit?: string;
    };
  };
  /** Handling units (承办单位) by name, created before the people. */
  readonly units?: readonly string[];
  /** Groups the secretariat account itself joins (so that it may create documents there). */
  readonly secretariatGroups?: readonly G[];
}

/** A seeded account and a session token for it (for `Authorization: Bearer` or `?token=`). */
export interface SeededPerson {
  readonly id: UserId;
  readonly username: string;
  readonly password: string;
  readonly token: string;
}

export interface SeededWorkspace<G extends string, P extends string> {
  readonly secretariat: SeededPerson;
  readonly people: { readonly [K in P]: SeededPerson };
  readonly groups: { readonly [K in G]: { readonly id: GroupId } };
  /** The units created, by name. */
  readonly units: Readonly<Record<string, { readonly id: UnitId }>>;
  /** The session token of a person's key, or of 'secretariat'. */
  tokenOf(as: P | 'secretariat'): string;
  /** Registers a document as `as` (a person's key, or 'secretariat') through `POST /api/docs`. */
  createDoc(
    as: P | 'secretariat',
    doc: { readonly groupKey: G; readonly kind: DocKind; readonly id?: DocId; readonly title?: string },
  ): Promise<DocRecord>;
}

interface Call {
  readonly method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  readonly path: string;
  readonly token?: string;
  readonly body?: unknown;
}

/** One JSON request to the API; throws with the status and answer unless it succeeded. */
async function call<S extends z.ZodType>(baseUrl: string, request: Call, schema: S): Promise<z.output<S>> {
  const { method, path, token, body } = request;
  return expectOk(await apiRequest(baseUrl, method, path, { token, json: body }), schema);
}

function setupTokenOf(setupUrl: string | null): string {
  const token = setupUrl === null ? undefined : /\/setup\/([^/?#]+)$/.exec(setupUrl)?.[1];
  if (token === undefined) {
    throw new Error('seedWorkspace needs a server started on an empty database (its setupUrl is null)');
  }
  return token;
}

/**
 * Builds a workspace through the real HTTP API, as a deployment would: completes the first-run
 * setup with the server's setup link, creates the groups, invites every person with their role
 * and groups and accepts each invitation. For relay tests and benchmarks that need real tokens
 * and registered documents.
 */
export async function seedWorkspace<G extends string, P extends string>(
  server: { readonly url: string; readonly setupUrl: string | null },
  plan: SeedPlan<G, P>,
): Promise<SeededWorkspace<G, P>> {
  const base = server.url;
  const admin = await call(
    base,
    {
      method: 'POST',
      path: '/api/setup',
      body: {
        token: setupTokenOf(server.setupUrl),
        username: SECRETARIAT_USERNAME,
        name: '秘书处',
        password: SEED_PASSWORD,
      },
    },
    sessionSchema,
  );
  const asAdmin = (request: Omit<Call, 'token'>) => ({ ...request, token: admin.token });

  const groups = {} as Record<G, { id: GroupId }>;
  for (const key of plan.groups) {
    const group = await call(base, asAdmin({ method: 'POST', path: '/api/groups', body: { name: key } }), groupSchema);
    groups[key] = { id: group.id };
  }
  for (const key of plan.secretariatGroups ?? []) {
    await call(
      base,
      asAdmin({ method: 'PUT', path: `/api/groups/${groups[key].id}/members/${admin.user.id}` }),
      groupSchema,
    );
  }

  const units: Record<string, { id: UnitId }> = {};
  for (const name of plan.units ?? []) {
    const unit = await call(base, asAdmin({ method: 'POST', path: '/api/units', body: { name } }), unitSchema);
    units[name] = { id: unit.id };
  }

  const entries = Object.entries(plan.people) as [P, SeedPlan<G, P>['people'][P]][];
  const seeded = await Promise.all(
    entries.map(async ([key, person]) => {
      if (!USERNAME_PATTERN.test(key)) {
        throw new Error(`seedWorkspace: the key "${key}" is not a valid username`);
      }
      const groupIds = (person.groups ?? []).map((groupKey) => groups[groupKey].id);
      const invitation = await call(
        base,
        asAdmin({
          method: 'POST',
          path: '/api/invitations',
          body: {
            role: person.role,
            groupIds,
            ...(person.unit === undefined ? {} : { unitId: units[person.unit]?.id }),
          },
        }),
        createdInvitationSchema,
      );
      const session = await call(
        base,
        {
          method: 'POST',
          path: `/api/invitations/${invitation.token}/accept`,
          body: { username: key, name: person.name ?? key, password: SEED_PASSWORD },
        },
        sessionSchema,
      );
      const entry: SeededPerson = { id: session.user.id, username: key, password: SEED_PASSWORD, token: session.token };
      return [key, entry] as const;
    }),
  );
  const people = Object.fromEntries(seeded) as Record<P, SeededPerson>;
  const secretariat: SeededPerson = {
    id: admin.user.id,
    username: SECRETARIAT_USERNAME,
    password: SEED_PASSWORD,
    token: admin.token,
  };

  const tokenOf = (as: P | 'secretariat') => (as === 'secretariat' ? secretariat.token : people[as].token);
  return {
    secretariat,
    people,
    groups,
    units,
    tokenOf,
    createDoc: (as, doc) => {
      const token = tokenOf(as);
      const body = {
        id: doc.id ?? newDocId(),
        kind: doc.kind,
        groupId: groups[doc.groupKey].id,
        title: doc.title ?? '',
      };
      return call(base, { method: 'POST', path: '/api/docs', token, body }, docRecordSchema);
    },
  };
}
