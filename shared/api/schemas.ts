import { z } from 'zod';
import { DOC_KINDS, type DocKind } from '../domain/documentSchema';
import type { DocId, GroupId, UserId } from '../domain/ids';
import { parseDocId, parseGroupId, parseUserId } from '../domain/ids';
import { MAX_TITLE_LENGTH } from '../domain/limits';
import { DOC_STATUSES, type DocStatus, ROLES, type Role } from '../domain/roles';

/**
 * Request and answer bodies of the HTTP API (routes in docs/API.md). The server validates every
 * request with these and the client every answer, so a field means one thing on both sides.
 */

export const MIN_PASSWORD_LENGTH = 8;
export const MAX_PASSWORD_LENGTH = 200;
export const MAX_NAME_LENGTH = 40;
export const MAX_GROUP_NAME_LENGTH = 60;
export const MAX_TOKEN_NAME_LENGTH = 60;
/** Lowercase letters, digits and `. _ -`, 2-32 characters, starting with a letter or digit. */
export const USERNAME_PATTERN = /^[a-z0-9][a-z0-9._-]{1,31}$/;

/** A string parsed into a branded id; refused with `message` when `parse` gives null. */
function idSchema<T>(parse: (text: string) => T | null, message: string) {
  return z.string().transform((text, ctx): T => {
    const id = parse(text);
    if (id === null) {
      ctx.addIssue({ code: 'custom', message });
      return z.NEVER;
    }
    return id;
  });
}

export const docIdSchema = idSchema<DocId>(parseDocId, 'must be a lowercase UUID');
export const userIdSchema = idSchema<UserId>(parseUserId, 'must be a user id (a lowercase UUID)');
export const groupIdSchema = idSchema<GroupId>(parseGroupId, 'must be a group id (a lowercase UUID)');
export const roleSchema = z.enum(ROLES as [Role, ...Role[]]);
export const docKindSchema = z.enum(DOC_KINDS as [DocKind, ...DocKind[]]);
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

/** `POST /api/session`, `POST /api/setup`, `POST /api/invitations/:token/accept`. */
export const sessionSchema = z.object({ token: z.string(), user: meSchema });
export type Session = z.infer<typeof sessionSchema>;

export const apiTokenSchema = z.object({
  id: z.string(),
  name: z.string(),
  createdAt: z.number(),
  lastUsedAt: z.number().nullable(),
});
export type ApiToken = z.infer<typeof apiTokenSchema>;

/** `POST /api/tokens`: the token itself is shown once. */
export const createdApiTokenSchema = z.object({ token: z.string(), record: apiTokenSchema });

export const invitationSchema = z.object({
  id: z.string(),
  role: roleSchema,
  groupIds: z.array(groupIdSchema),
  createdAt: z.number(),
  expiresAt: z.number(),
});
export type Invitation = z.infer<typeof invitationSchema>;

/** `POST /api/invitations`: the link (with its secret) is shown once. */
export const createdInvitationSchema = z.object({ url: z.string(), token: z.string(), invitation: invitationSchema });

/** `GET /api/invitations/:token`: what the person joining sees before they accept. */
export const invitationPreviewSchema = z.object({
  role: roleSchema,
  groups: z.array(z.object({ id: groupIdSchema, name: z.string() })),
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
export const rosterResultSchema = z.object({
  accounts: z.array(rosterAccountSchema),
  /** Names of the groups the import created. */
  createdGroups: z.array(z.string()),
});
export type RosterResult = z.infer<typeof rosterResultSchema>;

/** One refused line of a roster; 1-based, counting the header line. */
export const rosterProblemSchema = z.object({ line: z.number(), message: z.string() });

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
export const createInvitationRequestSchema = z.object({
  role: roleSchema,
  groupIds: z.array(groupIdSchema).max(100),
});
export const acceptInvitationRequestSchema = z.object({
  username: usernameSchema,
  name: personNameSchema,
  password: passwordSchema,
});
export const updatePersonRequestSchema = z.object({ isActive: z.boolean() });
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
});
