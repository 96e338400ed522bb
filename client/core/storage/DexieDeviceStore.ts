import { liveQuery } from 'dexie';
import type { RoomName, UserId } from '../../../shared';
import type { DeviceStore, NewLocalDocument, StoredOutboxRow } from './DeviceStore';
import { DexieActivityCache } from './dexieActivityCache';
import { DexieBackupRows } from './dexieBackupRows';
import { DexieDocFiles } from './dexieDocFiles';
import { DexieDocRows } from './dexieDocRows';
import { DexieFormDrafts } from './dexieFormDrafts';
import { DexieOutbox } from './dexieOutbox';
import { DexieActivity, DexieNotifications } from './dexieReviewRows';
import { DexieSearchIndex } from './dexieSearchIndex';
import { DexieUpdateLog } from './dexieUpdateLog';
import { DexieWorkspace } from './dexieWorkspace';
import { createDb, type JianyanDb } from './JianyanDb';
import { adoptLegacyDatabase } from './legacyDatabase';
import type { RowCipher } from './RowCipher';
import { type StorageHealth, StorageState } from './storageHealth';
import { TabChannel } from './TabChannel';
import { UnsentCounts } from './UnsentCounts';

/** The tabs that use one database tell each other what Dexie's change tracking does not see. */
const CHANNEL_PREFIX = 'jianyan-changes';

export interface DexieDeviceStoreOptions {
  /** The database's name: one per account (`accountDatabaseName`). */
  readonly name: string;
  /**
   * The database of the app before each account had its own, to be moved into this one when it
   * belonged to `userId` (its signed-in account, workspace or outbox says so). Another account's
   * legacy data is never opened for this one.
   */
  readonly legacy?: { readonly name: string; readonly userId: UserId };
  /**
   * Seals every row under the account's data key (see `RowCipher`, docs/DEVICE.md). The app
   * always passes one; null stores rows in the clear, for the benchmark's baseline only.
   */
  readonly cipher: RowCipher | null;
  /** Told when the browser closes the database or another tab upgrades it (C2). */
  readonly health: StorageHealth;
  /** A failure nobody waits for (a count of unsent updates that could not be read). */
  readonly onBackgroundError: (err: unknown) => void;
}

/**
 * The device store on IndexedDB through Dexie (schema in `JianyanDb.ts`). The database opens on
 * first use; a connection the browser closes is reopened, and an upgrade by a newer app in
 * another tab asks the user to reload (C2).
 */
export class DexieDeviceStore implements DeviceStore {
  readonly updates: DexieUpdateLog;
  readonly docs: DexieDocRows;
  readonly workspace: DexieWorkspace;
  readonly outbox: DexieOutbox;
  readonly activity: DexieActivity;
  readonly notifications: DexieNotifications;
  readonly activityCache: DexieActivityCache;
  readonly backup: DexieBackupRows;
  readonly files: DexieDocFiles;
  readonly search: DexieSearchIndex;
  readonly forms: DexieFormDrafts;
  readonly #db: JianyanDb;
  readonly #counts: UnsentCounts;
  readonly #channel: TabChannel;
  readonly #stopWatching: () => void;

  constructor(options: DexieDeviceStoreOptions) {
    const name = options.name;
    const db = createDb(name, options.cipher ?? undefined);
    this.#db = db;
    this.#channel = new TabChannel(`${CHANNEL_PREFIX}:${name}`);
    this.#counts = new UnsentCounts({
      channel: this.#channel,
      onReadError: options.onBackgroundError,
      source: {
        readAll: async () => {
          const pairs: [RoomName, number][] = [];
          await db.unsent.orderBy('docId').eachKey((room, cursor) => {
            pairs.push([room as RoomName, Number(cursor.primaryKey)]);
          });
          return pairs;
        },
        readRoom: async (room) => (await db.unsent.where('docId').equals(room).primaryKeys()).map(Number),
      },
    });
    this.updates = new DexieUpdateLog(db, this.#counts, options.cipher, this.#channel);
    this.docs = new DexieDocRows(db);
    this.workspace = new DexieWorkspace(db);
    this.outbox = new DexieOutbox(db, this.#channel);
    this.activity = new DexieActivity(db);
    this.notifications = new DexieNotifications(db);
    this.activityCache = new DexieActivityCache(db);
    this.backup = new DexieBackupRows(db, this.#counts, this.#channel);
    this.files = new DexieDocFiles(db);
    this.search = new DexieSearchIndex(db);
    this.forms = new DexieFormDrafts(db);
    this.#stopWatching = watchDatabase(db, options.health);
    const { legacy } = options;
    if (legacy !== undefined) {
      // Runs once the database opens, before any other operation on it.
      db.on('ready', () => adoptLegacyDatabase(db, legacy.name, legacy.userId, options.onBackgroundError));
    }
  }

  async createDocument(input: NewLocalDocument): Promise<StoredOutboxRow> {
    const db = this.#db;
    const room = input.row.id as string as RoomName;
    const [seqs, registrationSeq] = await db.transaction(
      'rw',
      [db.updates, db.unsent, db.docs, db.outbox],
      async () => {
        const added: number[] = [];
        for (const update of input.updates) {
          await db.updates.add({ docId: room, update });
          added.push(Number(await db.unsent.add({ docId: room, update })));
        }
        await db.docs.put(input.row);
        return [added, Number(await db.outbox.add({ ...input.registration }))] as const;
      },
    );
    this.#counts.added(room, seqs);
    this.#channel.post({ kind: 'outbox' });
    return { ...input.registration, seq: registrationSeq };
  }

  observe<T>(read: () => Promise<T>, onValue: (value: T) => void, onError: (err: unknown) => void): () => void {
    const subscription = liveQuery(read).subscribe({ next: onValue, error: onError });
    return () => subscription.unsubscribe();
  }

  close(): void {
    this.#stopWatching();
    this.#counts.close();
    this.#channel.close();
    this.#db.close();
  }

  /** Deletes the whole database (tests). */
  async delete(): Promise<void> {
    this.close();
    await this.#db.delete();
  }
}

/**
 * Reacts to the database being closed under us (C2): Dexie reopens on the next operation after
 * an unexpected close, so we only report it; an upgrade by a newer app in another tab cannot be
 * followed by this code, so the user is asked to reload.
 */
function watchDatabase(db: JianyanDb, health: StorageHealth): () => void {
  // Fired when another tab upgrades or deletes the database; Dexie then closes our connection.
  const onVersionChange = (): void => health.setState(StorageState.outdated);
  let isClosingOnPurpose = false;
  const onClose = (): void => {
    if (isClosingOnPurpose || health.getSnapshot().state === 'outdated') {
      return;
    }
    health.setState(StorageState.interrupted);
    db.open().then(
      () => health.setState(StorageState.ok),
      (err: unknown) => health.reportError(err),
    );
  };
  db.on('versionchange', onVersionChange);
  db.on('close', onClose);
  return () => {
    isClosingOnPurpose = true;
    db.on('versionchange').unsubscribe(onVersionChange);
    db.on('close').unsubscribe(onClose);
  };
}
