import { z } from 'zod';
import { Action } from '../domain/permissions';
import type { WorkflowAction } from '../domain/workflow';
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
/** Most people one comment may mention. */
export const MAX_MENTIONS = 20;
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

/** The workflow's transitions as the API names them (see shared/domain/workflow.ts). */
export const TRANSITIONS = ['submit', 'return', 'approve', 'file'] as const;
export type Transition = (typeof TRANSITIONS)[number];
export const transitionSchema = z.enum(TRANSITIONS);

/** The action `can()` rules on for each transition (P10-P12), in the order the UI offers them. */
export const TRANSITION_ACTIONS: { readonly [T in Transition]: WorkflowAction } = {
  submit: Action.submitDocument,
  return: Action.returnDocument,
  approve: Action.approveDocument,
  file: Action.fileDocument,
};

/** What happened to a document, in the order it happened. Append-only on the server. */
export const DOC_EVENT_TYPES = [
  'submitted',
  'returned',
  'approved',
  'filed',
  'version_saved',
  'reviewed',
  'cosign_invited',
  'cosigned',
  'cosign_withdrawn',
] as const;
export type DocEventType = (typeof DOC_EVENT_TYPES)[number];

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

/** Why a version was saved. */
export const VERSION_CAUSES = ['submit', 'return', 'approve', 'manual', 'review'] as const;
export type VersionCause = (typeof VERSION_CAUSES)[number];

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

export const NOTIFICATION_TYPES = [
  'mention',
  'review_requested',
  'returned',
  'approved',
  'filed',
  'cosign_requested',
  'cosign_outdated',
] as const;
export type NotificationType = (typeof NOTIFICATION_TYPES)[number];

export const notificationSchema = z.object({
  id: z.string(),
  type: z.enum(NOTIFICATION_TYPES),
  docId: docIdSchema,
  /** The document's title when the notification was made. */
  docTitle: z.string(),
  actorId: userIdSchema,
  at: z.number(),
  /** The reason of a return; null otherwise. */
  reason: z.string().nullable(),
  /** The comment's text around a mention; null otherwise. */
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
    /** Required to return; ignored otherwise. */
    reason: z.string().trim().max(MAX_REASON_LENGTH).optional(),
    requestId: requestIdSchema,
  })
  .superRefine((body, ctx) => {
    if (body.action === 'return' && (body.reason === undefined || body.reason.length === 0)) {
      ctx.addIssue({ code: 'custom', path: ['reason'], message: 'a document is returned with a reason' });
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
  threadId: z.string().regex(/^[A-Za-z0-9_-]{8,64}$/, 'must be a thread id'),
  commentId: z.string().regex(/^[A-Za-z0-9_-]{8,64}$/, 'must be a comment id'),
  userIds: z.array(userIdSchema).min(1, 'name at least one person').max(MAX_MENTIONS),
  excerpt: z.string().max(MAX_EXCERPT_LENGTH),
});

export const markReadRequestSchema = z.union([
  z.object({ ids: z.array(z.string().min(1).max(64)).min(1).max(INBOX_PAGE_SIZE) }),
  z.object({ all: z.literal(true) }),
]);
