import type { DocId, DocKind, GroupId, RoomName, UserId } from '../../../shared';
import type { DocActivity, Notification } from '../../../shared/api/review';
import type { DocRecord, Group, Me, Person, Workspace } from '../../../shared/api/schemas';
import type { Activity } from '../../../shared/domain/activities';
import type { DocFileMediaType } from '../../../shared/domain/docFiles';

/**
 * One account's device store: everything this device keeps in IndexedDB for one person, behind one
 * port so that the app never touches Dexie directly and each adapter passes
 * `test/deviceStoreContract.ts`. Every account has its own: another person signing in on this
 * browser never lists, opens or syncs this one's documents. Every row read back is untrusted (an
 * older app, an upgrade, a bug): adapters validate it and skip what makes no sense.
 */
export interface DeviceStore {
  readonly updates: UpdateLogStore;
  readonly docs: DocRowStore;
  readonly workspace: WorkspaceStore;
  readonly outbox: OutboxRowStore;
  readonly activity: ActivityStore;
  readonly notifications: NotificationStore;
  readonly activityCache: ActivityCacheStore;
  readonly backup: BackupRowStore;
  readonly files: DocFileStore;
  readonly search: SearchIndexStore;
  readonly forms: FormDraftStore;
  /**
   * Writes a document made on this device in one transaction: its first updates (as unsent local
   * updates, C5), its row and the outbox row that registers it, so that a document never exists
   * without the request that registers it. Resolves with the registration as queued.
   */
  createDocument(input: NewLocalDocument): Promise<StoredOutboxRow>;
  /**
   * Calls `onValue` with what `read` resolves to now and again whenever a row it read changes,
   * here or in another tab. Returns a function that stops it.
   */
  observe<T>(read: () => Promise<T>, onValue: (value: T) => void, onError: (err: unknown) => void): () => void;
  /** Stops listening to other tabs and closes the database; later calls fail. */
  close(): void;
}

/** One stored update of a log, with the order it was stored in. */
export interface StoredUpdate {
  readonly seq: number;
  readonly update: Uint8Array;
}

export interface CompactionResult {
  readonly rowsBefore: number;
  readonly bytesAfter: number;
}

/**
 * The update logs of the device's Y.Docs, one per room (a document's content is logged under its
 * id, its comments under `<id>.comments`), and the local updates the server has not acknowledged.
 */
export interface UpdateLogStore {
  /**
   * Appends one update, and when it was made on this device also records it as unsent, in one
   * transaction: both rows or neither. The transaction is issued before this returns, in the
   * caller's task, so that a tab closing right after an edit keeps it (C1).
   */
  append(room: RoomName, update: Uint8Array, isLocal: boolean): Promise<void>;
  /** Every stored update of a room, oldest first; empty when the device has none. */
  read(room: RoomName): Promise<Uint8Array[]>;
  /**
   * Merges a room's log into one update in one transaction (C3). Unsent records are kept; rows
   * appended meanwhile by another tab wait for the transaction and stay separate.
   */
  compact(room: RoomName): Promise<CompactionResult>;
  /** The unsent local updates of a room, oldest first (C4). */
  listUnsent(room: RoomName): Promise<StoredUpdate[]>;
  /** The server holds these unsent updates: their records go (C4). */
  acknowledge(room: RoomName, seqs: readonly number[]): Promise<void>;
  /** The rooms with unsent updates on this device. */
  unsentRooms(): Promise<RoomName[]>;
  /** The number of unsent updates of `room` (of every room when null), from memory once the keys are read. */
  countUnsent(room: RoomName | null): Promise<number>;
  /**
   * Calls `onCount` with the number of unsent updates of `room` (of every room when null) once
   * known and after every change, here or in another tab. Counts are kept in memory: a keystroke
   * costs no query. Returns a function that stops it.
   */
  watchUnsent(room: RoomName | null, onCount: (count: number) => void): () => void;
  /**
   * The sequence number of the last stored update of each room with a log: it grows whenever an
   * update of the room is stored (or its log compacted), so that the search index sees what changed.
   */
  lastSeqs(): Promise<Map<RoomName, number>>;
  /**
   * Calls `onStored` after each update this tab stores, and soon after each one another tab of the
   * same database stores. Returns a function that stops it.
   */
  onStored(onStored: (room: RoomName) => void): () => void;
}

/**
 * A document known on this device: what the device saw of it (title, kind, last change), the
 * server's record as last fetched, and how far the background sync brought its content.
 */
export interface DocRow {
  readonly id: DocId;
  readonly title: string;
  /** Null until the template or the server said. */
  readonly kind: DocKind | null;
  /** Last local change or last change seen on the server, in ms since the epoch. */
  readonly updatedAt: number;
  /** The group the document belongs to; null when unknown (created before groups existed). */
  readonly groupId: GroupId | null;
  /** Who created it on this device (for a document not yet registered). */
  readonly createdBy: UserId | null;
  readonly createdAt: number | null;
  /** The server's record as the last workspace fetch listed it; null when it did not. */
  readonly record: DocRecord | null;
  /**
   * When the server last listed (or registered) the document for this device's user; null when it
   * never did: then the document exists only on this device.
   */
  readonly serverSeenAt: number | null;
  /** The record's `updatedAt` whose content the background sync stored on the device. */
  readonly syncedAt: number | null;
}

/** What this device saw change in a document; fields not given keep their value. */
export interface DocRowChange {
  readonly title?: string;
  readonly kind?: DocKind | null;
  readonly updatedAt?: number;
}

/** The documents on this device. */
export interface DocRowStore {
  /** Every valid row, most recently changed first. */
  list(): Promise<DocRow[]>;
  /** One document's row; null when this device has never stored the document. */
  get(id: DocId): Promise<DocRow | null>;
  /** Creates or updates what this device saw of a document. */
  saveLocal(id: DocId, change: DocRowChange): Promise<void>;
  /**
   * Stores the server's record of one document beside what the device saw; the newer title wins.
   * A record older than the stored one is ignored. Resolves with the row as stored.
   */
  saveServerRecord(record: DocRecord, seenAt: number): Promise<DocRow>;
  /** The server no longer lets this user read the document: its record goes, its content stays. */
  forgetServerRecord(id: DocId): Promise<void>;
  /** Remembers that the content of the record's version `updatedAt` is on the device. */
  markSynced(id: DocId, updatedAt: number): Promise<void>;
}

/** The last `GET /api/workspace` answer, apart from the documents (they live in the document rows). */
export interface WorkspaceRow {
  readonly userId: UserId;
  readonly me: Me;
  readonly groups: readonly Group[];
  readonly people: readonly Person[];
  readonly fetchedAt: number;
}

/** The workspace the server last listed to the account. */
export interface WorkspaceStore {
  /** The cached workspace (without documents); null before the first fetch on this device. */
  read(): Promise<WorkspaceRow | null>;
  /**
   * Stores a `GET /api/workspace` answer in one transaction: the snapshot, each listed document's
   * record, and for documents the server no longer lists the removal of their record (content
   * stays). A record stored since `requestedAt` (a registration that crossed the request) stays.
   */
  save(workspace: Workspace, times: { readonly requestedAt: number; readonly fetchedAt: number }): Promise<void>;
}

/** Why the server refused an operation, kept for the user to see. */
export interface OutboxFailure {
  readonly status: number;
  readonly code: string;
  readonly message: string;
  readonly denial?: string | undefined;
  /** The refusal's reason where the API gives one (a check-in code's `CheckInRefusal`). */
  readonly reason?: string | undefined;
}

/**
 * One operation made on this device that the server has not accepted yet. The store keeps the
 * payload as it was given and checks only the fields every operation has; the outbox checks the
 * payload against its operation when it reads the row.
 */
export interface StoredOutboxRow {
  readonly seq: number;
  readonly docId: DocId;
  /** The user who made it: another user signing in on this device does not send it. */
  readonly userId: UserId;
  readonly op: string;
  readonly payload: unknown;
  readonly createdAt: number;
  readonly attempts: number;
  /** The last failure: a transient one (retried) or the refusal (when `isRefused`). */
  readonly lastError: OutboxFailure | null;
  /** The server refused it (4xx): it is not retried by itself and the user is shown why. */
  readonly isRefused: boolean;
}

export type NewOutboxRow = Omit<StoredOutboxRow, 'seq'>;

/** Which queued rows of the same document an `add` looks at, in its transaction. */
export interface OutboxAddOptions {
  /** Rows of the document to remove first (an earlier wish that the new row replaces). */
  readonly replaces?: (row: StoredOutboxRow) => boolean;
  /** When a row of the document matches, nothing is added (the same request is queued already). */
  readonly unlessQueued?: (row: StoredOutboxRow) => boolean;
}

/** Operations waiting for the server, in the order they were made. */
export interface OutboxRowStore {
  /** Every valid row of every user, oldest first. */
  list(): Promise<StoredOutboxRow[]>;
  /**
   * Queues one row in one transaction with the checks of `options`. Resolves with the row as
   * stored (with its `seq`), or null when an equal request was queued already.
   */
  add(row: NewOutboxRow, options?: OutboxAddOptions): Promise<StoredOutboxRow | null>;
  /** Queues several rows at once; resolves with them as stored. */
  addAll(rows: readonly NewOutboxRow[]): Promise<StoredOutboxRow[]>;
  /** Removes a row; resolves false when it was gone already (sent, or taken back in another tab). */
  remove(seq: number): Promise<boolean>;
  /** An attempt failed; a refusal stops the retries until the user asks again. */
  recordFailure(seq: number, failure: OutboxFailure, isRefused: boolean): Promise<void>;
  /** Makes a refused row pending again. */
  retry(seq: number): Promise<void>;
  /** Calls `onChange` whenever another tab changed the rows. Returns a function that stops it. */
  onExternalChange(onChange: () => void): () => void;
}

/** A document's timeline, versions and co-signers as last fetched by one user (read offline). */
export interface ActivityStore {
  /** The activity as last fetched by `userId`; null when this device has none for them. */
  read(docId: DocId, userId: UserId): Promise<DocActivity | null>;
  /** Keeps the activity; one per document (the last user who fetched it). */
  save(userId: UserId, activity: DocActivity, fetchedAt: number): Promise<void>;
}

/** The account's activities as last fetched (会议与活动), with when. */
export interface CachedActivities {
  readonly activities: readonly Activity[];
  readonly fetchedAt: number;
}

/**
 * The account's activities as last fetched, and the check-in keys of those it manages, so that the
 * list reads offline and the organiser's phone signs codes at a venue with no network (C1).
 */
export interface ActivityCacheStore {
  /** The list as last kept; null when this device has none. Activities that do not validate are left out. */
  readList(): Promise<CachedActivities | null>;
  /** Keeps the list, replacing the last one. */
  saveList(activities: readonly Activity[], fetchedAt: number): Promise<void>;
  /** An activity's check-in key (base64url) kept on this device; null when it has none. */
  readCheckInKey(activityId: string): Promise<string | null>;
  /** Keeps an activity's check-in key. */
  saveCheckInKey(activityId: string, key: string): Promise<void>;
}

/** The users' notifications on this device. */
export interface NotificationStore {
  /** The user's notifications on this device, newest first. */
  list(userId: UserId): Promise<Notification[]>;
  /** Stores one notification that arrived live; one read here stays read. */
  save(userId: UserId, notification: Notification): Promise<void>;
  /**
   * Stores the server's newest page of the user's inbox. Nothing is removed but the oldest beyond
   * `MAX_STORED_NOTIFICATIONS`; reads made here and not yet sent are kept.
   */
  saveInbox(userId: UserId, notifications: readonly Notification[]): Promise<void>;
  /**
   * Marks notifications read at once, offline too. Resolves with the ids that were unread, by
   * document, for the server to be told.
   */
  markRead(userId: UserId, which: readonly string[] | 'all', now: number): Promise<Map<DocId | null, string[]>>;
}

/** A document made on this device (see `DeviceStore.createDocument`). */
export interface NewLocalDocument {
  readonly row: DocRow;
  /** Its first updates (template, typed title), stored as unsent local updates. */
  readonly updates: readonly Uint8Array[];
  readonly registration: NewOutboxRow;
}

/** Every row of an account's store worth keeping, opened (not sealed), by table. */
export interface BackupRows {
  readonly tables: Readonly<Record<string, readonly unknown[]>>;
}

/** What a set of backup rows holds, for the member to see. */
export interface BackupTally {
  readonly documents: number;
  /** Local Yjs updates the server has not acknowledged (edits and comments). */
  readonly unsentUpdates: number;
  /** Operations waiting in the outbox. */
  readonly queuedOperations: number;
  readonly rows: number;
}

/**
 * The account's rows as a device backup takes them and gives them back (docs/DEVICE.md, 本机备份).
 * Rows leave opened, so that a backup does not depend on this device's keys, and come back sealed
 * under the keys of the device they are restored on.
 */
export interface BackupRowStore {
  /** Reads every row worth keeping, in one transaction, with a tally of what they are. */
  exportRows(): Promise<{ readonly rows: BackupRows; readonly tally: BackupTally }>;
  /**
   * Merges backup rows into this store in one transaction: what the store holds already is kept and
   * a row it has already is not added again, so restoring the same rows twice adds nothing.
   * Resolves with what was added.
   */
  restoreRows(rows: BackupRows): Promise<BackupTally>;
}

/** The bytes of one document file kept on this device. */
export interface StoredDocFile {
  /** Lowercase hex SHA-256 of `bytes`. */
  readonly sha256: string;
  readonly mediaType: DocFileMediaType;
  readonly bytes: Uint8Array;
  readonly storedAt: number;
}

/** Document files (photos, attachments) kept on this device by SHA-256, sealed like every row. */
export interface DocFileStore {
  /** The file's bytes as kept; null when this device has none (or the row does not validate). */
  read(sha256: string): Promise<StoredDocFile | null>;
  /** Whether this device keeps the file. */
  has(sha256: string): Promise<boolean>;
  /** Keeps the file; the same bytes kept again change nothing. */
  save(file: StoredDocFile): Promise<void>;
}

/** The account's saved search index (one value, written whole). */
/**
 * What a member has typed into a form and not yet saved (the capture page's report and its
 * photos), kept sealed so that a page the phone's browser dropped while the camera was open comes
 * back as it was. One value per form.
 */
export interface FormDraftStore {
  /** The value last saved for `form`; null when none was. Untrusted: the form validates it. */
  read(form: string): Promise<unknown>;
  /** Replaces the value kept for `form`. */
  save(form: string, value: unknown, savedAt: number): Promise<void>;
  /** Forgets the value of `form` (it was saved as a document, or started again). */
  clear(form: string): Promise<void>;
}

export interface SearchIndexStore {
  /** The value last saved; null when none was. Untrusted: the search module validates it. */
  read(): Promise<unknown>;
  /** Replaces the saved value. */
  save(saved: unknown, savedAt: number): Promise<void>;
}
