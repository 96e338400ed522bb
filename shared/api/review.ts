import { z } from 'zod';
import { COMMENT_ID_PATTERN, MAX_MENTIONS } from '../domain/comments';
import {
  DOC_EVENT_TYPES,
  type DocEventType,
  NOTIFICATION_TYPES,
  type NotificationType,
  VERSION_CAUSES,
  type VersionCause,
} from '../domain/reviewRecords';
import { TRANSITION_ACTIONS, TRANSITIONS, type Transition, WORKFLOW } from '../domain/workflow';
import { filingRequestSchema } from './handling';
import { docIdSchema, docRecordSchema, docStatusSchema, userIdSchema } from './schemas';

/**
 * Request and answer bodies of the review routes (docs/API.md, "Review"): workflow transitions,
 * the timeline, named versions, co-signing, @mentions and the notification inbox.
 */

/** Longest reason given when a document is returned. */
export const MAX_REASON_LENGTH = 1000;
/** Longest name of a version saved by hand. */
export const MAX_VERSION_NAME_LENGTH = 60;
/** Longest quoted excerpt a mention carries into the inbox. */
export const MAX_EXCERPT_LENGTH = 200;
/** Most people one comment may mention: the comment rules' limit. */
export { MAX_MENTIONS };
/** Largest encoded Yjs snapshot accepted in a request (base64 characters). */
export const MAX_SNAPSHOT_BASE64_LENGTH = 2 * 1024 * 1024;
/** How many notifications `GET /api/notifications` answers, newest first. */
export const INBOX_PAGE_SIZE = 200;

/** An opaque id made by the client for an operation, so that sending it twice does it once. */
export const requestIdSchema = z.string().regex(/^[A-Za-z0-9_-]{8,64}$/, 'must be 8-64 letters, digits, "_" or "-"');

/** An encoded `Y.Snapshot` (`Y.encodeSnapshot`) in standard base64. */
export const snapshotSchema = z
  .string()
  .min(1, 'must not be empty')
  .max(MAX_SNAPSHOT_BASE64_LENGTH, 'is larger than a snapshot may be')
  .regex(/^[A-Za-z0-9+/]*={0,2}$/, 'must be base64');

// The workflow and the kinds of review records are the domain's (shared/domain/workflow.ts,
// shared/domain/reviewRecords.ts); the API names them as they are.
export type { DocEventType, NotificationType, Transition, VersionCause };
export { DOC_EVENT_TYPES, NOTIFICATION_TYPES, TRANSITION_ACTIONS, TRANSITIONS, VERSION_CAUSES };

export const transitionSchema = z.enum(TRANSITIONS);

export const docEventSchema = z.object({
  id: z.string(),
  docId: docIdSchema,
  type: z.enum(DOC_EVENT_TYPES),
  actorId: userIdSchema,
  at: z.number(),
  /** The reason of a return; null otherwise. */
  reason: z.string().nullable(),
  /** The version saved with the event (submit, return, approve, by hand, review); null otherwise. */
  versionId: z.string().nullable(),
  /** Whom the event concerns besides the actor (the invited co-signer); null otherwise. */
  subjectId: userIdSchema.nullable(),
  /** For a transition: the status before and after. */
  fromStatus: docStatusSchema.nullable(),
  toStatus: docStatusSchema.nullable(),
});
export type DocEvent = z.infer<typeof docEventSchema>;

/** A named version: a snapshot of the content document (gc is off, so it can be rebuilt). */
export const versionSchema = z.object({
  id: z.string(),
  docId: docIdSchema,
  name: z.string(),
  cause: z.enum(VERSION_CAUSES),
  createdBy: userIdSchema,
  createdAt: z.number(),
  /** `Y.encodeSnapshot` of the server's content document at that moment, base64. */
  snapshot: z.string(),
});
export type Version = z.infer<typeof versionSchema>;

/** `GET /api/docs/:id/activity`: everything the document page shows besides the content. */
export const docActivitySchema = z.object({
  /** The record, co-signers included. */
  record: docRecordSchema,
  /** Oldest first. */
  events: z.array(docEventSchema),
  /** Oldest first. */
  versions: z.array(versionSchema),
  /** The version the signed-in user last reviewed (return, approve, or "mark as reviewed"); null if never. */
  lastReviewedVersionId: z.string().nullable(),
});
export type DocActivity = z.infer<typeof docActivitySchema>;

export const notificationSchema = z.object({
  id: z.string(),
  type: z.enum(NOTIFICATION_TYPES),
  /** Null for a notification about the account rather than a document (token_created). */
  docId: docIdSchema.nullable(),
  /** The document's title when the notification was made. */
  docTitle: z.string(),
  actorId: userIdSchema,
  at: z.number(),
  /** The reason of a return; null otherwise. */
  reason: z.string().nullable(),
  /** The comment's text around a mention, or the name of a new API token; null otherwise. */
  excerpt: z.string().nullable(),
  /** The comment thread of a mention; null otherwise. */
  threadId: z.string().nullable(),
  readAt: z.number().nullable(),
});
export type Notification = z.infer<typeof notificationSchema>;

/** `GET /api/notifications`. */
export const inboxSchema = z.object({
  notifications: z.array(notificationSchema),
  unreadCount: z.number(),
});
export type Inbox = z.infer<typeof inboxSchema>;

/** `POST /api/notifications/read`: the unread count after marking. */
export const unreadSchema = z.object({ unreadCount: z.number() });

/** `GET /api/stream` (server-sent events): what a signed-in user is told live. */
export const STREAM_EVENTS = {
  /** data: a Notification for the user. */
  notification: 'notification',
  /** data: a DocRecord the user may read whose status, co-signers or archive flag changed. */
  record: 'record',
} as const;

// ---- Requests ----

export const transitionRequestSchema = z
  .object({
    action: transitionSchema,
    /** The status the user saw when they asked; a document that moved on since answers 409. */
    fromStatus: docStatusSchema,
    /** Required by a transition that needs one (a return); ignored otherwise. */
    reason: z.string().trim().max(MAX_REASON_LENGTH).optional(),
    requestId: requestIdSchema,
    /** The office's decision (file, reject, merge): the session, 重点, what it becomes, the proposal it joins. */
    filing: filingRequestSchema.optional(),
  })
  .superRefine((body, ctx) => {
    if (WORKFLOW[body.action].needsReason && (body.reason === undefined || body.reason.length === 0)) {
      ctx.addIssue({ code: 'custom', path: ['reason'], message: `a ${body.action} needs a reason` });
    }
    if (body.action === 'merge' && body.filing?.into === undefined) {
      ctx.addIssue({ code: 'custom', path: ['filing', 'into'], message: 'a merge names the filed proposal it joins' });
    }
  });
export type TransitionRequest = z.input<typeof transitionRequestSchema>;

/** `POST /api/docs/:id/transitions`: the record after, the event, and the version saved with it. */
export const transitionResultSchema = z.object({
  record: docRecordSchema,
  event: docEventSchema,
  version: versionSchema.nullable(),
});
export type TransitionResult = z.infer<typeof transitionResultSchema>;

export const createVersionRequestSchema = z.object({
  name: z.string().trim().min(1, 'must not be empty').max(MAX_VERSION_NAME_LENGTH),
  /** True: the version is also the user's last review ("mark as reviewed"). */
  isReview: z.boolean().default(false),
});

export const inviteCosignersRequestSchema = z.object({
  userIds: z.array(userIdSchema).min(1, 'name at least one person').max(50),
});

export const signRequestSchema = z.object({ snapshot: snapshotSchema });

export const mentionRequestSchema = z.object({
  threadId: z.string().regex(COMMENT_ID_PATTERN, 'must be a thread id'),
  commentId: z.string().regex(COMMENT_ID_PATTERN, 'must be a comment id'),
  userIds: z.array(userIdSchema).min(1, 'name at least one person').max(MAX_MENTIONS),
  excerpt: z.string().max(MAX_EXCERPT_LENGTH),
});

export const markReadRequestSchema = z.union([
  z.object({ ids: z.array(z.string().min(1).max(64)).min(1).max(INBOX_PAGE_SIZE) }),
  z.object({ all: z.literal(true) }),
]);
