import { Dexie, type EntityTable, type Transaction } from 'dexie';
import type { DocId, DocKind, DocStatus, GroupId, UserId } from '../../../shared';
import type { DocActivity, Notification, Transition } from '../../../shared/api/review';
import type { Group, Me, Person, DocRecord as ServerDocRecord } from '../../../shared/api/schemas';

/** One Yjs update of one document, in the order it was stored. */
export interface UpdateRow {
  readonly seq?: number;
  readonly docId: DocId;
  readonly update: Uint8Array;
}

/** A local-origin update the server has not yet acknowledged (C4). */
export interface UnsentRow {
  readonly seq?: number;
  readonly docId: DocId;
  readonly update: Uint8Array;
}

/**
 * A document known on this device: what the device saw of it (title, kind, last change), the
 * server's record as last fetched, and how far the background sync brought its content.
 */
export interface DocRecord {
  readonly id: DocId;
  readonly title: string;
  /** Null until the template or the server said. */
  readonly kind: DocKind | null;
  /** Last local change or last change seen on the server, in ms since the epoch. */
  readonly updatedAt: number;
  /** The group the document belongs to; null when unknown (created before groups existed). */
  readonly groupId?: GroupId | null;
  /** Who created it on this device (for a document not yet registered). */
  readonly createdBy?: UserId | null;
  readonly createdAt?: number | null;
  /** The server's record as the last workspace fetch listed it; null when it did not. */
  readonly record?: ServerDocRecord | null;
  /**
   * When the server last listed (or registered) the document for this device's user; null when it
   * never did: then the document exists only on this device.
   */
  readonly serverSeenAt?: number | null;
  /** The record's `updatedAt` whose content the background sync stored on the device. */
  readonly syncedAt?: number | null;
}

/** The signed-in account of this device: kept while offline, removed by signing out. */
export interface AccountRow {
  readonly key: 'current';
  readonly me: Me;
  /** The server refused the session (401, relay 4401): sign in again; nothing local is lost. */
  readonly isExpired: boolean;
  readonly savedAt: number;
}

/** The last `GET /api/workspace` answer, apart from the documents (they live in `docs`). */
export interface WorkspaceRow {
  readonly key: 'current';
  readonly userId: UserId;
  readonly me: Me;
  readonly groups: readonly Group[];
  readonly people: readonly Person[];
  readonly fetchedAt: number;
}

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

/** Why the server refused an operation, kept for the user to see. */
export interface OutboxFailure {
  readonly status: number;
  readonly code: string;
  readonly message: string;
  readonly denial?: string | undefined;
}

/** One operation made on this device that the server has not accepted yet. */
export type OutboxRow = {
  readonly seq?: number;
  readonly docId: DocId;
  /** The user who made it: another user signing in on this device does not send it. */
  readonly userId: UserId;
  readonly createdAt: number;
  readonly attempts: number;
  /** The last failure: a transient one (retried) or the refusal (when `isRefused`). */
  readonly lastError: OutboxFailure | null;
  /** The server refused it (4xx): it is not retried by itself and the user is shown why. */
  readonly isRefused: boolean;
} & (
  | { readonly op: typeof OutboxOp.registerDoc; readonly payload: RegisterDocPayload }
  | { readonly op: typeof OutboxOp.setArchived; readonly payload: SetArchivedPayload }
  | { readonly op: typeof OutboxOp.transition; readonly payload: TransitionPayload }
  | { readonly op: typeof OutboxOp.mention; readonly payload: MentionPayload }
  | { readonly op: typeof OutboxOp.markRead; readonly payload: MarkReadPayload }
);

/** A document's timeline, versions and co-signers as last fetched for one user (read offline). */
export interface ActivityRow {
  readonly docId: DocId;
  readonly userId: UserId;
  /** Untrusted when read back: validated with `docActivitySchema` before use. */
  readonly activity: DocActivity;
  readonly fetchedAt: number;
}

/**
 * One notification of one user, as the server sent it; `readAt` is set on this device at once
 * when the user reads it (the `markRead` outbox row tells the server later).
 */
export type NotificationRow = Notification & { readonly userId: UserId };

/** The typed Dexie database of the app. */
export type JianyanDb = Dexie & {
  updates: EntityTable<UpdateRow, 'seq'>;
  unsent: EntityTable<UnsentRow, 'seq'>;
  docs: EntityTable<DocRecord, 'id'>;
  account: EntityTable<AccountRow, 'key'>;
  workspace: EntityTable<WorkspaceRow, 'key'>;
  outbox: EntityTable<OutboxRow, 'seq'>;
  activity: EntityTable<ActivityRow, 'docId'>;
  notifications: EntityTable<NotificationRow, 'id'>;
};

/** The name of the production database; tests open others. */
export const DB_NAME = 'jianyan';

/** The stores of version 1 (documents without owners or groups); kept so that Dexie can upgrade from it. */
export const SCHEMA_V1 = {
  updates: '++seq, docId',
  unsent: '++seq, docId',
  docs: 'id, updatedAt',
} as const;

/** Version 2: accounts, the workspace cache and the outbox. Update logs are unchanged. */
const SCHEMA_V2 = {
  ...SCHEMA_V1,
  account: 'key',
  workspace: 'key',
  outbox: '++seq, docId',
} as const;

/** Version 3: the review caches (timelines, notifications). Nothing older changes. */
const SCHEMA_V3 = {
  ...SCHEMA_V2,
  activity: 'docId',
  notifications: 'id, userId, at',
} as const;

/**
 * v1 documents were created before accounts and groups: they belong to no group, and whether the
 * server has them is unknown until the first workspace fetch. Their content and unsent updates
 * stay as they are.
 */
function upgradeToV2(tx: Transaction): Promise<number> {
  return tx
    .table('docs')
    .toCollection()
    .modify((row: Record<string, unknown>) => {
      row.groupId ??= null;
      row.createdBy ??= null;
      row.createdAt ??= null;
      row.record ??= null;
      row.serverSeenAt ??= null;
      row.syncedAt ??= null;
    });
}

/** Opens (lazily, on first use) the app database under `name`. */
export function createDb(name: string = DB_NAME): JianyanDb {
  const db = new Dexie(name) as JianyanDb;
  db.version(1).stores(SCHEMA_V1);
  db.version(2).stores(SCHEMA_V2).upgrade(upgradeToV2);
  db.version(3).stores(SCHEMA_V3);
  return db;
}
