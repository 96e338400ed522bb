import { z } from 'zod';
import type { DocId, DocKind, DocStatus, GroupId, UserId } from '../../../shared';
import { attendanceRequestSchema, checkInRequestSchema } from '../../../shared/api/activities';
import { docFileMediaTypeSchema, sha256Schema } from '../../../shared/api/docFiles';
import {
  INBOX_PAGE_SIZE,
  MAX_REASON_LENGTH,
  mentionRequestSchema,
  requestIdSchema,
  type Transition,
  transitionSchema,
} from '../../../shared/api/review';
import { docIdSchema, docKindSchema, docStatusSchema, groupIdSchema } from '../../../shared/api/schemas';
import type { DocFileMediaType } from '../../../shared/domain/docFiles';
import type { StoredOutboxRow } from '../storage';

/** The operations the outbox queues, each sent by the sender its module registers. */
export const OutboxOp = {
  /** `POST /api/docs` for a document created on this device. */
  registerDoc: 'registerDoc',
  /** `PATCH /api/docs/:id` with `isArchived`. */
  setArchived: 'setArchived',
  /** `POST /api/docs/:id/transitions`: sent only once the document's content is on the server. */
  transition: 'transition',
  /** `POST /api/docs/:id/mentions`: tells the people a comment mentions. */
  mention: 'mention',
  /** `POST /api/notifications/read` for notifications about the row's document. */
  markRead: 'markRead',
  /**
   * `PUT /api/activities/:id/attendance`: the organiser's list, ticked on this device. The row's
   * `docId` is the activity's id (a UUID too): rows queue per activity as a document's do.
   */
  attendance: 'attendance',
  /** `POST /api/activities/:id/check-in` with a scanned code; keyed by the activity's id as above. */
  checkIn: 'checkIn',
  /**
   * `PUT /api/docs/:id/files/:sha256` with a photo's or attachment's bytes kept on this device
   * (after a HEAD that skips a file the server has already).
   */
  uploadFile: 'uploadFile',
} as const;
export type OutboxOp = (typeof OutboxOp)[keyof typeof OutboxOp];

export interface RegisterDocPayload {
  readonly id: DocId;
  readonly kind: DocKind;
  readonly groupId: GroupId;
  readonly title: string;
}

export interface SetArchivedPayload {
  readonly isArchived: boolean;
}

export interface TransitionPayload {
  readonly action: Transition;
  /** The status the user saw when they asked: the server refuses (409) if it moved on meanwhile. */
  readonly fromStatus: DocStatus;
  /** The reason of a return; null otherwise. */
  readonly reason: string | null;
  /** Made once when queued, so that sending it again after a lost answer does it once. */
  readonly requestId: string;
}

export interface MentionPayload {
  readonly threadId: string;
  readonly commentId: string;
  readonly userIds: readonly UserId[];
  readonly excerpt: string;
}

export interface MarkReadPayload {
  /** Notification ids, all about the row's document. */
  readonly ids: readonly string[];
}

export interface AttendancePayload {
  /** The invitees ticked as present; a newer list replaces a queued one. */
  readonly attendedIds: readonly UserId[];
}

export interface CheckInPayload {
  /** The code as scanned: its moment, not the sending, decides whether it counts (C3). */
  readonly code: string;
}

export interface UploadFilePayload {
  readonly sha256: string;
  readonly mediaType: DocFileMediaType;
  /** The file's name as the member chose it (a photo's is the camera's), for a problem's text. */
  readonly name: string;
}

/** The payload of each operation. */
export interface OutboxPayloads {
  readonly registerDoc: RegisterDocPayload;
  readonly setArchived: SetArchivedPayload;
  readonly transition: TransitionPayload;
  readonly mention: MentionPayload;
  readonly markRead: MarkReadPayload;
  readonly attendance: AttendancePayload;
  readonly checkIn: CheckInPayload;
  readonly uploadFile: UploadFilePayload;
}

type RowOf<Op extends OutboxOp> = Omit<StoredOutboxRow, 'op' | 'payload'> & {
  readonly op: Op;
  readonly payload: OutboxPayloads[Op];
};

/** One queued operation, with its payload checked against its operation. */
export type OutboxRow = { [Op in OutboxOp]: RowOf<Op> }[OutboxOp];

/** The row of one operation. */
export type OutboxRowOf<Op extends OutboxOp> = Extract<OutboxRow, { readonly op: Op }>;

const PAYLOAD_SCHEMAS: { readonly [Op in OutboxOp]: z.ZodType<OutboxPayloads[Op]> } = {
  registerDoc: z.object({ id: docIdSchema, kind: docKindSchema, groupId: groupIdSchema, title: z.string().catch('') }),
  setArchived: z.object({ isArchived: z.boolean() }),
  transition: z.object({
    action: transitionSchema,
    fromStatus: docStatusSchema,
    reason: z.string().max(MAX_REASON_LENGTH).nullable(),
    requestId: requestIdSchema,
  }),
  mention: mentionRequestSchema,
  markRead: z.object({ ids: z.array(z.string().min(1).max(64)).min(1).max(INBOX_PAGE_SIZE) }),
  attendance: attendanceRequestSchema,
  checkIn: checkInRequestSchema,
  uploadFile: z.object({ sha256: sha256Schema, mediaType: docFileMediaTypeSchema, name: z.string().max(500) }),
};

function isOp(op: string): op is OutboxOp {
  return Object.hasOwn(PAYLOAD_SCHEMAS, op);
}

/**
 * The row with its payload checked against its operation; null when either makes no sense (an
 * older app, a bug): such a row is never sent.
 */
export function parseOutboxRow(row: StoredOutboxRow): OutboxRow | null {
  if (!isOp(row.op)) {
    return null;
  }
  const parsed = PAYLOAD_SCHEMAS[row.op].safeParse(row.payload);
  if (!parsed.success) {
    return null;
  }
  if (row.op === OutboxOp.registerDoc && (parsed.data as RegisterDocPayload).id !== row.docId) {
    return null;
  }
  return { ...row, payload: parsed.data } as OutboxRow;
}
