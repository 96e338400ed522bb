import { Dexie, type EntityTable, type Transaction } from 'dexie';
import type { DocId, RoomName, UserId } from '../../../shared';
import type { DocActivity, Notification } from '../../../shared/api/review';
import type { Activity } from '../../../shared/domain/activities';
import type { AccountRow } from './DeviceAccounts';
import type { DocRow, StoredOutboxRow, WorkspaceRow } from './DeviceStore';
import type { RowCipher } from './RowCipher';
import { sealedRows } from './sealedRows';

/**
 * One Yjs update of one room, in the order it was stored: a row of the update log (`updates`), or
 * of the local updates the server has not acknowledged yet (`unsent`, C4). The `docId` column
 * holds the room name: a document's content is its id (as since version 1), its comments
 * `<id>.comments`, so comments share the tables rather than adding stores for the same shape.
 */
export interface LogRow {
  readonly seq?: number;
  readonly docId: RoomName;
  readonly update: Uint8Array;
}

/**
 * A document's row as stored. Rows written by version 1 lack the fields after `updatedAt`; the
 * upgrade to version 2 fills them, and reading validates every field (see `validRows.ts`).
 */
export type DocRowRecord = Omit<
  DocRow,
  'groupId' | 'createdBy' | 'createdAt' | 'record' | 'serverSeenAt' | 'syncedAt'
> &
  Partial<Pick<DocRow, 'groupId' | 'createdBy' | 'createdAt' | 'record' | 'serverSeenAt' | 'syncedAt'>>;

/** The key of the one row of the `account` and `workspace` tables. */
export const CURRENT_ROW = 'current';

/** The account row as stored (see `AccountRow`). */
export type AccountRecord = AccountRow & { readonly key: typeof CURRENT_ROW };

/** The workspace row as stored (see `WorkspaceRow`). */
export type WorkspaceRecord = WorkspaceRow & { readonly key: typeof CURRENT_ROW };

/** An outbox row as stored: `seq` is given by the database (see `StoredOutboxRow`). */
export type OutboxRecord = Omit<StoredOutboxRow, 'seq'> & { readonly seq?: number };

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

/** The account's activities as last fetched: one row, `CURRENT_ROW`; validated when read back. */
export interface ActivityListRow {
  readonly key: typeof CURRENT_ROW;
  readonly activities: readonly Activity[];
  readonly fetchedAt: number;
}

/** The key an activity's check-in codes are signed with on this device (C1). */
export interface CheckInKeyRow {
  readonly activityId: string;
  /** base64url, as the server gave it. */
  readonly key: string;
}

/**
 * The bytes of one document file (a photo or an attachment) kept on this device, by the SHA-256
 * of the bytes: inserted here, or fetched from the server when viewed (read offline later).
 */
export interface DocFileRow {
  readonly sha256: string;
  readonly mediaType: string;
  readonly bytes: Uint8Array;
  readonly storedAt: number;
}

/**
 * The account's search index as the search module saved it: one row, `CURRENT_ROW`. It holds
 * the text of every document (sealed like every row); the search module validates it when read.
 */
export interface SearchIndexRow {
  readonly key: typeof CURRENT_ROW;
  readonly saved: unknown;
  readonly savedAt: number;
}

/** A form's unsaved input (`FormDraftStore`), one row per form. */
export interface FormDraftRow {
  readonly form: string;
  readonly value: unknown;
  readonly savedAt: number;
}

/** The typed Dexie database behind `DexieDeviceStore`; nothing else opens it. */
export type JianyanDb = Dexie & {
  updates: EntityTable<LogRow, 'seq'>;
  unsent: EntityTable<LogRow, 'seq'>;
  docs: EntityTable<DocRowRecord, 'id'>;
  account: EntityTable<AccountRecord, 'key'>;
  workspace: EntityTable<WorkspaceRecord, 'key'>;
  outbox: EntityTable<OutboxRecord, 'seq'>;
  activity: EntityTable<ActivityRow, 'docId'>;
  notifications: EntityTable<NotificationRow, 'id'>;
  activityList: EntityTable<ActivityListRow, 'key'>;
  checkInKeys: EntityTable<CheckInKeyRow, 'activityId'>;
  files: EntityTable<DocFileRow, 'sha256'>;
  searchIndex: EntityTable<SearchIndexRow, 'key'>;
  formDrafts: EntityTable<FormDraftRow, 'form'>;
};

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

/** Version 4: the activities (会议与活动) and their check-in keys, read offline. Nothing older changes. */
const SCHEMA_V4 = {
  ...SCHEMA_V3,
  activityList: 'key',
  checkInKeys: 'activityId',
} as const;

/** Version 5: the bytes of document files (photos, attachments), by SHA-256. Nothing older changes. */
const SCHEMA_V5 = {
  ...SCHEMA_V4,
  files: 'sha256',
} as const;

/** Version 6: the search index (docs/DEVICE.md). Nothing older changes. */
const SCHEMA_V6 = {
  ...SCHEMA_V5,
  searchIndex: 'key',
} as const;

/** Version 7: the unsaved input of forms (the capture page). Nothing older changes. */
const SCHEMA_V7 = {
  ...SCHEMA_V6,
  formDrafts: 'form',
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

/**
 * Opens (lazily, on first use) the app database under `name`; with a cipher, every row is sealed
 * (`sealedRows.ts`). Only the legacy database is opened without one.
 */
export function createDb(name: string, cipher?: RowCipher): JianyanDb {
  const db = new Dexie(name) as JianyanDb;
  if (cipher !== undefined) {
    db.use(sealedRows(cipher));
  }
  db.version(1).stores(SCHEMA_V1);
  db.version(2).stores(SCHEMA_V2).upgrade(upgradeToV2);
  db.version(3).stores(SCHEMA_V3);
  db.version(4).stores(SCHEMA_V4);
  db.version(5).stores(SCHEMA_V5);
  db.version(6).stores(SCHEMA_V6);
  db.version(7).stores(SCHEMA_V7);
  return db;
}
