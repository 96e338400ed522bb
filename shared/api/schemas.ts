import { z } from 'zod';
import { DOC_KINDS, type DocKind } from '../domain/documentSchema';
import type { DocId, GroupId, SessionId, UnitId, UserId } from '../domain/ids';
import { parseDocId, parseGroupId, parseSessionId, parseUnitId, parseUserId, UUID_PATTERN } from '../domain/ids';
import {
  MAX_GROUP_NAME_LENGTH,
  MAX_NAME_LENGTH,
  MAX_PASSWORD_LENGTH,
  MAX_TITLE_LENGTH,
  MAX_TOKEN_NAME_LENGTH,
  MIN_PASSWORD_LENGTH,
  USERNAME_PATTERN,
} from '../domain/limits';
import { DOC_STATUSES, type DocStatus, ROLES, type Role } from '../domain/roles';
import { checkResultSchema } from './submitChecks';

/**
 * Request and answer bodies of the HTTP API (routes in docs/API.md). The server validates every
 * request with these and the client every answer, so a field means one thing on both sides.
 */

export {
  MAX_GROUP_NAME_LENGTH,
  MAX_NAME_LENGTH,
  MAX_PASSWORD_LENGTH,
  MAX_TOKEN_NAME_LENGTH,
  MIN_PASSWORD_LENGTH,
  USERNAME_PATTERN,
} from '../domain/limits';
/** How long a new API token may work, in days: the choices offered when it is made. */
export const API_TOKEN_LIFETIME_DAYS = [30, 90, 365] as const;
export type ApiTokenLifetimeDays = (typeof API_TOKEN_LIFETIME_DAYS)[number];
/** A token made without a choice works for about a quarter: long enough for a reporting season. */
export const DEFAULT_API_TOKEN_LIFETIME_DAYS: ApiTokenLifetimeDays = 90;
export const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * A string parsed into a branded id; refused with `message` when `parse` gives null. Its JSON
 * Schema (the API's OpenAPI description) says what `parse` accepts: a lowercase UUID.
 */
function idSchema<T>(parse: (text: string) => T | null, message: string) {
  return z
    .string()
    .transform((text, ctx): T => {
      const id = parse(text);
      if (id === null) {
        ctx.addIssue({ code: 'custom', message });
        return z.NEVER;
      }
      return id;
    })
    .meta({ format: 'uuid', pattern: UUID_PATTERN.source });
}

export const docIdSchema = idSchema<DocId>(parseDocId, 'must be a lowercase UUID');
export const userIdSchema = idSchema<UserId>(parseUserId, 'must be a user id (a lowercase UUID)');
export const groupIdSchema = idSchema<GroupId>(parseGroupId, 'must be a group id (a lowercase UUID)');
export const unitIdSchema = idSchema<UnitId>(parseUnitId, 'must be a unit id (a lowercase UUID)');
export const sessionIdSchema = idSchema<SessionId>(parseSessionId, 'must be a session id (a lowercase UUID)');
export const roleSchema = z.enum(ROLES as [Role, ...Role[]]);
export const docKindSchema = z.enum(DOC_KINDS as [DocKind, ...DocKind[]]);

/**
 * A document's fields as plain values by key (shared/domain/documentFields.ts). The shape only:
 * which keys and values are valid for a kind is D7's (`pickFields`), applied where they are read.
 */
export const docFieldsSchema = z.record(z.string(), z.union([z.string(), z.boolean(), z.array(z.string())]));
export const docStatusSchema = z.enum(DOC_STATUSES as [DocStatus, ...DocStatus[]]);

export const usernameSchema = z
  .string()
  .trim()
  .toLowerCase()
  .regex(USERNAME_PATTERN, 'use 2-32 lowercase letters, digits, ".", "_" or "-"');
export const passwordSchema = z
  .string()
  .min(MIN_PASSWORD_LENGTH, `must be at least ${MIN_PASSWORD_LENGTH} characters`)
  .max(MAX_PASSWORD_LENGTH, `must be at most ${MAX_PASSWORD_LENGTH} characters`);
export const personNameSchema = z.string().trim().min(1, 'must not be empty').max(MAX_NAME_LENGTH);
export const groupNameSchema = z.string().trim().min(1, 'must not be empty').max(MAX_GROUP_NAME_LENGTH);

// ---- Answers ----

/** The signed-in user, as `GET /api/me` answers it. */
export const meSchema = z.object({
  id: userIdSchema,
  username: z.string(),
  name: z.string(),
  role: roleSchema,
  groupIds: z.array(groupIdSchema),
  isActive: z.boolean(),
  /** True after a one-time password was handed out: the user should choose their own. */
  mustChangePassword: z.boolean(),
  /** A handling unit's account: the unit it answers for; null for everyone else. */
  unitId: unitIdSchema.nullable(),
});
export type Me = z.infer<typeof meSchema>;

/** Another person, as listed in the workspace. */
export const personSchema = z.object({
  id: userIdSchema,
  username: z.string(),
  name: z.string(),
  role: roleSchema,
  groupIds: z.array(groupIdSchema),
  isActive: z.boolean(),
});
export type Person = z.infer<typeof personSchema>;

export const groupSchema = z.object({
  id: groupIdSchema,
  name: z.string(),
  memberIds: z.array(userIdSchema),
  createdAt: z.number(),
});
export type Group = z.infer<typeof groupSchema>;

export const COSIGN_STATES = ['invited', 'signed', 'withdrawn'] as const;
export type CosignState = (typeof COSIGN_STATES)[number];

/** One co-signer (联名人) of a proposal. */
export const cosignerSchema = z.object({
  userId: userIdSchema,
  state: z.enum(COSIGN_STATES),
  /** Who asked them to co-sign; null when they signed unasked. */
  invitedBy: userIdSchema.nullable(),
  invitedAt: z.number().nullable(),
  /** When they last signed; null unless signed. */
  signedAt: z.number().nullable(),
  /**
   * The exact version signed (`Y.encodeSnapshot`, base64); null unless signed. Sent only in
   * `GET /api/docs/:id/activity`'s record and the answers of `PUT`/`DELETE
   * /api/docs/:id/signature`; null everywhere else (workspace, document lists and records,
   * transition answers, stream events), even when signed.
   */
  snapshot: z.string().nullable(),
});
export type Cosigner = z.infer<typeof cosignerSchema>;

/** A document's last return (P11): who returned it, when, and the reason they gave. */
export const lastReturnSchema = z.object({
  actorId: userIdSchema,
  at: z.number(),
  reason: z.string(),
});
export type LastReturn = z.infer<typeof lastReturnSchema>;

/** A document's record: everything about it that is not its content. */
export const docRecordSchema = z.object({
  id: docIdSchema,
  kind: docKindSchema,
  /** Null for a document stored before groups existed. */
  groupId: groupIdSchema.nullable(),
  title: z.string(),
  status: docStatusSchema,
  isArchived: z.boolean(),
  createdBy: userIdSchema.nullable(),
  createdAt: z.number(),
  updatedAt: z.number(),
  /** Who sent the last stored change; null when unknown. */
  updatedBy: userIdSchema.nullable(),
  /** Everyone who changed the content, in the order they first did. */
  authorIds: z.array(userIdSchema),
  /** The proposal's co-signers (联名人), in the order they were asked or signed. */
  cosigners: z.array(cosignerSchema).default([]),
  /**
   * The last time it was returned, kept after it is submitted again; null if it never was. A
   * record cached before the server sent it reads as null.
   */
  lastReturn: lastReturnSchema.nullable().default(null),
  /** The units a filed proposal is handed to and that did not decline it (P16); absent before. */
  handlingUnitIds: z.array(unitIdSchema).optional(),
  /**
   * The structured fields (基本信息) as the relay last mirrored them from the content, valid ones
   * only (shared/domain/documentFields.ts); `{}` until written, and in records cached before.
   */
  fields: docFieldsSchema.default({}),
});
export type DocRecord = z.infer<typeof docRecordSchema>;

/** `GET /api/workspace`: everything the signed-in user may see, cached on the device. */
export const workspaceSchema = z.object({
  me: meSchema,
  groups: z.array(groupSchema),
  people: z.array(personSchema),
  docs: z.array(docRecordSchema),
});
export type Workspace = z.infer<typeof workspaceSchema>;

/** `GET /api/docs`. */
export const docListSchema = z.object({ docs: z.array(docRecordSchema) });
/** `GET /api/groups`. */
export const groupListSchema = z.object({ groups: z.array(groupSchema) });
/** `GET /api/people`. */
export const peopleSchema = z.object({ people: z.array(personSchema) });

/** `POST /api/session`, `POST /api/setup`, `POST /api/invitations/:token/accept`. */
export const sessionSchema = z.object({ token: z.string(), user: meSchema });
export type Session = z.infer<typeof sessionSchema>;

export const apiTokenSchema = z.object({
  id: z.string(),
  name: z.string(),
  createdAt: z.number(),
  /** Updated when the token is used, at most once a minute; null until first used. */
  lastUsedAt: z.number().nullable(),
  /** After this time the token no longer works. */
  expiresAt: z.number(),
});
export type ApiToken = z.infer<typeof apiTokenSchema>;

/** `GET /api/tokens`: the caller's tokens. */
export const tokenListSchema = z.object({ tokens: z.array(apiTokenSchema) });

/** `POST /api/me/password`: the password changed; the person's API tokens were revoked. */
export const passwordChangedSchema = z.object({ revokedApiTokens: z.number() });

/** `POST /api/people/:id/reset-password`: the one-time password is shown once. */
export const passwordResetSchema = z.object({
  oneTimePassword: z.string(),
  person: personSchema,
  /** How many of the person's API tokens stopped working. */
  revokedApiTokens: z.number(),
});
export type PasswordReset = z.infer<typeof passwordResetSchema>;

/** `POST /api/tokens`: the token itself is shown once. */
export const createdApiTokenSchema = z.object({ token: z.string(), record: apiTokenSchema });

export const invitationSchema = z.object({
  id: z.string(),
  role: roleSchema,
  groupIds: z.array(groupIdSchema),
  /** An invitation for a handling unit's account: its unit. */
  unitId: unitIdSchema.nullable(),
  createdAt: z.number(),
  expiresAt: z.number(),
});
export type Invitation = z.infer<typeof invitationSchema>;

/** `GET /api/invitations`: the open invitations. */
export const invitationListSchema = z.object({ invitations: z.array(invitationSchema) });

/** `POST /api/invitations`: the link (with its secret) is shown once. */
export const createdInvitationSchema = z.object({ url: z.string(), token: z.string(), invitation: invitationSchema });

/** `GET /api/invitations/:token`: what the person joining sees before they accept. */
export const invitationPreviewSchema = z.object({
  role: roleSchema,
  groups: z.array(z.object({ id: groupIdSchema, name: z.string() })),
  /** A handling unit's invitation: the unit the account will answer for. */
  unit: z.object({ id: unitIdSchema, name: z.string() }).nullable().default(null),
  expiresAt: z.number(),
});

/** `GET /api/setup`: whether the first secretariat account still has to be created. */
export const setupStatusSchema = z.object({ isNeeded: z.boolean() });

/** One account created by a roster import, with its one-time password. */
export const rosterAccountSchema = z.object({
  line: z.number(),
  username: z.string(),
  name: z.string(),
  role: roleSchema,
  groups: z.array(z.string()),
  oneTimePassword: z.string(),
});
/** A person on the roster who has an account already: left as they are. */
export const rosterSkippedSchema = z.object({ line: z.number(), username: z.string(), name: z.string() });
export const rosterResultSchema = z.object({
  accounts: z.array(rosterAccountSchema),
  /** Names of the groups the import created. */
  createdGroups: z.array(z.string()),
  /** Lines whose person has an account already (the same roster imported again). */
  skipped: z.array(rosterSkippedSchema).default([]),
});
export type RosterResult = z.infer<typeof rosterResultSchema>;

/**
 * Why a roster line was refused: a stable code the client words in its own language, with the
 * parameters the wording needs (see ROSTER_PROBLEM_CODES).
 */
export const ROSTER_PROBLEM_CODES = [
  /** The file is not text in UTF-8 or GB18030. */
  'unreadable',
  /** The CSV is malformed (an unclosed quote, for example). */
  'csv_syntax',
  /** The file has no lines. */
  'empty_file',
  /** params.columns: the header lacks these columns. */
  'missing_columns',
  /** params.columns: the header names these columns more than once. */
  'repeated_columns',
  /** A header but nobody below it. */
  'no_people',
  /** field name: empty or too long. */
  'name_invalid',
  /** field username, params.value: not a valid username. */
  'username_invalid',
  /** field username, params.value, params.line: the same username is on an earlier line. */
  'username_repeated',
  /** field username, params.value: an existing account has it. */
  'username_taken',
  /** field role, params.value: not a role we know. */
  'role_unknown',
  /** field groups, params.value: a group name that is empty or too long. */
  'group_invalid',
  /** params.cells, params.width: more cells than the header has columns. */
  'extra_cells',
  /** params.max: more people than one import takes. */
  'too_many_people',
] as const;
export type RosterProblemCode = (typeof ROSTER_PROBLEM_CODES)[number];

/** One refused line of a roster; 1-based, counting the header line. `message` is English, for logs and scripts. */
export const rosterProblemSchema = z.object({
  line: z.number(),
  code: z.enum(ROSTER_PROBLEM_CODES),
  /** The roster column concerned: name, username, role or groups. */
  field: z.string().optional(),
  params: z.record(z.string(), z.union([z.string(), z.number()])).default({}),
  message: z.string(),
});
export type RosterProblem = z.infer<typeof rosterProblemSchema>;

/** Every error answer of the API. */
export const apiErrorSchema = z.object({
  error: z.string(),
  message: z.string(),
  /** For bad_request: the path of the field that was wrong, for example `groupIds.1`. */
  field: z.string().optional(),
  /** For forbidden: the rule's reason (see Denial). */
  denial: z.string().optional(),
  retryAfterSeconds: z.number().optional(),
  /** For a refused roster: every bad line. */
  problems: z.array(rosterProblemSchema).optional(),
  /** For checks_failed (a refused submit): the blocking checks that failed (RULES.md K1-K5). */
  checks: z.array(checkResultSchema).optional(),
  /** For a refused check-in code (400): why, one of `CheckInRefusal`. */
  reason: z.string().optional(),
  /** For quota_exceeded: which quota (`document` or `committee`), its bytes used and its limit. */
  quota: z.enum(['document', 'committee']).optional(),
  used: z.number().optional(),
  limit: z.number().optional(),
});
export type ApiErrorBody = z.infer<typeof apiErrorSchema>;

// ---- Requests ----

export const signInRequestSchema = z.object({
  username: z.string().trim().toLowerCase().min(1, 'must not be empty').max(64),
  password: z.string().min(1, 'must not be empty').max(MAX_PASSWORD_LENGTH),
});
export const setupRequestSchema = z.object({
  token: z.string().min(1),
  username: usernameSchema,
  name: personNameSchema,
  password: passwordSchema,
});
export const changePasswordRequestSchema = z.object({
  currentPassword: z.string().min(1, 'must not be empty').max(MAX_PASSWORD_LENGTH),
  newPassword: passwordSchema,
});
export const createInvitationRequestSchema = z
  .object({
    role: roleSchema,
    groupIds: z.array(groupIdSchema).max(100),
    /** Required for a handling unit's account (role `unit`), refused for any other role. */
    unitId: unitIdSchema.optional(),
  })
  .refine((body) => (body.role === 'unit') === (body.unitId !== undefined), {
    message: 'a unit id is given exactly when the role is unit',
    path: ['unitId'],
  })
  .refine((body) => body.role !== 'unit' || body.groupIds.length === 0, {
    message: 'a handling unit joins no group',
    path: ['groupIds'],
  });
export const acceptInvitationRequestSchema = z.object({
  username: usernameSchema,
  name: personNameSchema,
  password: passwordSchema,
});
/** `PATCH /api/people/:id`: any of these; the groups given replace the person's groups. */
export const updatePersonRequestSchema = z
  .object({
    isActive: z.boolean().optional(),
    role: roleSchema.optional(),
    groupIds: z.array(groupIdSchema).max(100).optional(),
  })
  .refine((body) => body.isActive !== undefined || body.role !== undefined || body.groupIds !== undefined, {
    message: 'give isActive, role or groupIds',
  });
export const createGroupRequestSchema = z.object({ name: groupNameSchema });
export const renameGroupRequestSchema = z.object({ name: groupNameSchema });
export const createDocRequestSchema = z.object({
  id: docIdSchema,
  kind: docKindSchema,
  groupId: groupIdSchema,
  title: z.string().max(MAX_TITLE_LENGTH).default(''),
});
export const updateDocRequestSchema = z.object({ isArchived: z.boolean() });
export const createTokenRequestSchema = z.object({
  name: z.string().trim().min(1, 'must not be empty').max(MAX_TOKEN_NAME_LENGTH),
  /** A token acts as its owner: making one asks for the password again, as changing it does. */
  currentPassword: z.string().min(1, 'must not be empty').max(MAX_PASSWORD_LENGTH),
  expiresInDays: z
    .number()
    .int()
    .refine((days) => (API_TOKEN_LIFETIME_DAYS as readonly number[]).includes(days), {
      message: `must be one of ${API_TOKEN_LIFETIME_DAYS.join(', ')}`,
    })
    .default(DEFAULT_API_TOKEN_LIFETIME_DAYS),
});
