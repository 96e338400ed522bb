import type { Logger } from '../logger';
import { redactedUrl } from '../redactedUrl';
import type { AccountStore } from './AccountStore';
import type { ActivityStore } from './ActivityStore';
import type { AttachmentStore } from './AttachmentStore';
import type { CommitteeSettingsStore } from './CommitteeSettingsStore';
import type { DocFileStore } from './DocFileStore';
import type { DocRecordStore } from './DocRecordStore';
import type { DocStore } from './DocStore';
import type { DutyStore } from './DutyStore';
import type { GroupStore } from './GroupStore';
import type { HandlingStore } from './HandlingStore';
import { PgAccountStore } from './postgres/PgAccountStore';
import { PgActivityStore } from './postgres/PgActivityStore';
import { PgAttachmentStore } from './postgres/PgAttachmentStore';
import { PgCommitteeSettingsStore } from './postgres/PgCommitteeSettingsStore';
import { PgDocFileStore } from './postgres/PgDocFileStore';
import { PgDocRecordStore } from './postgres/PgDocRecordStore';
import { PgDocStore } from './postgres/PgDocStore';
import { PgDutyStore } from './postgres/PgDutyStore';
import { PgGroupStore } from './postgres/PgGroupStore';
import { PgHandlingStore } from './postgres/PgHandlingStore';
import { PgReviewStore } from './postgres/PgReviewStore';
import { PgWebhookStore } from './postgres/PgWebhookStore';
import type { ReviewStore } from './ReviewStore';
import { prepareDatabasePath } from './sqlite/databasePath';
import { SqliteAccountStore } from './sqlite/SqliteAccountStore';
import { SqliteActivityStore } from './sqlite/SqliteActivityStore';
import { SqliteAttachmentStore } from './sqlite/SqliteAttachmentStore';
import { SqliteCommitteeSettingsStore } from './sqlite/SqliteCommitteeSettingsStore';
import { SqliteDocFileStore } from './sqlite/SqliteDocFileStore';
import { SqliteDocRecordStore } from './sqlite/SqliteDocRecordStore';
import { SqliteDocStore } from './sqlite/SqliteDocStore';
import { SqliteDutyStore } from './sqlite/SqliteDutyStore';
import { SqliteGroupStore } from './sqlite/SqliteGroupStore';
import { SqliteHandlingStore } from './sqlite/SqliteHandlingStore';
import { SqliteReviewStore } from './sqlite/SqliteReviewStore';
import { SqliteWebhookStore } from './sqlite/SqliteWebhookStore';
import type { WebhookStore } from './WebhookStore';

/** Where the committee's data lives: a PostgreSQL database when `databaseUrl` is set, else SQLite under `dataDir`. */
export interface StoreSettings {
  readonly dataDir: string;
  /** DATABASE_URL; null or missing keeps SQLite. */
  readonly databaseUrl?: string | null;
  /** The PostgreSQL schema (tests give each server its own); `public` by default. */
  readonly databaseSchema?: string;
  readonly sqliteSynchronous?: 'normal' | 'full';
  /** The clock of the record stores; Date.now by default. */
  readonly now?: () => number;
}

/** Every store of one database; `close` releases them all, even when one fails (it is logged). */
export interface Stores {
  readonly documents: DocStore;
  readonly accounts: AccountStore;
  readonly groups: GroupStore;
  readonly records: DocRecordStore;
  readonly reviews: ReviewStore;
  readonly webhooks: WebhookStore;
  readonly handling: HandlingStore;
  readonly activities: ActivityStore;
  /** The duty record's books, years and document credits. */
  readonly duty: DutyStore;
  /** Settings of the committee the secretariat edits (the category list). */
  readonly settings: CommitteeSettingsStore;
  /** Files tied to documents (reply letters, evidence) and the records of the use made of reports. */
  readonly attachments: AttachmentStore;
  /** The files documents' texts show or link to: blobs once per SHA-256, links per document. */
  readonly docFiles: DocFileStore;
  /** `postgres` or `sqlite`, and where: for the start-up log. */
  readonly description: string;
  /** Where, for messages: the SQLite file, or the PostgreSQL URL without its password. */
  readonly location: string;
  close(): Promise<void>;
}

async function closeAll(stores: Record<string, { close(): Promise<void> }>, logger: Logger | null): Promise<void> {
  for (const [name, store] of Object.entries(stores)) {
    try {
      await store.close();
    } catch (thrown) {
      logger?.error('closing a store failed', { store: name, error: (thrown as Error).message });
    }
  }
}

/**
 * Opens the stores of the server, the admin commands and the demo loader, each on its own
 * connection (SQLite) or pool (PostgreSQL), migrated to the current layout. The SQLite document
 * store checkpoints its WAL in the background only where a server runs (`isServer`).
 */
export async function openStores(
  settings: StoreSettings,
  options: {
    readonly logger?: Logger;
    readonly isServer?: boolean;
    /** Another document store instead of the database's (relay tests); closed with the others. */
    readonly documents?: DocStore;
  } = {},
): Promise<Stores> {
  const logger = options.logger ?? null;
  const now = settings.now ?? Date.now;
  const url = settings.databaseUrl ?? null;
  if (url !== null) {
    const connection = {
      url,
      ...(settings.databaseSchema === undefined ? {} : { schema: settings.databaseSchema }),
    };
    // Opened one after another: the first migrates, the others find the layout current.
    const documents = options.documents ?? (await PgDocStore.open({ ...connection, maxConnections: 10 }));
    const opened: Record<string, { close(): Promise<void> }> = { documents };
    try {
      const accounts = await PgAccountStore.open({ ...connection, maxConnections: 4, now });
      opened.accounts = accounts;
      const groups = await PgGroupStore.open({ ...connection, maxConnections: 2 });
      opened.groups = groups;
      const records = await PgDocRecordStore.open({ ...connection, maxConnections: 4, now });
      opened.records = records;
      const reviews = await PgReviewStore.open({ ...connection, maxConnections: 4 });
      opened.reviews = reviews;
      const webhooks = await PgWebhookStore.open({ ...connection, maxConnections: 3 });
      opened.webhooks = webhooks;
      const handling = await PgHandlingStore.open({ ...connection, maxConnections: 3 });
      opened.handling = handling;
      const activities = await PgActivityStore.open({ ...connection, maxConnections: 2 });
      opened.activities = activities;
      const duty = await PgDutyStore.open({ ...connection, maxConnections: 2 });
      opened.duty = duty;
      const settings = await PgCommitteeSettingsStore.open({ ...connection, maxConnections: 1 });
      opened.settings = settings;
      const attachments = await PgAttachmentStore.open({ ...connection, maxConnections: 2 });
      opened.attachments = attachments;
      const docFiles = await PgDocFileStore.open({ ...connection, maxConnections: 2 });
      opened.docFiles = docFiles;
      return {
        documents,
        accounts,
        groups,
        records,
        reviews,
        webhooks,
        handling,
        activities,
        duty,
        settings,
        attachments,
        docFiles,
        description: `PostgreSQL at ${redactedUrl(url)}`,
        location: redactedUrl(url),
        close: () => closeAll(opened, logger),
      };
    } catch (thrown) {
      await closeAll(opened, logger);
      throw thrown;
    }
  }
  const path = prepareDatabasePath(settings.dataDir);
  const stores = {
    documents:
      options.documents ??
      new SqliteDocStore({
        path,
        synchronous: settings.sqliteSynchronous ?? 'normal',
        checkpointInBackground: options.isServer === true,
        onCheckpointError: (message) =>
          logger?.error('WAL checkpoint failed; checkpointing inside commits', { message }),
      }),
    accounts: new SqliteAccountStore({ path, now }),
    groups: new SqliteGroupStore({ path }),
    records: new SqliteDocRecordStore({ path, now }),
    reviews: new SqliteReviewStore({ path }),
    webhooks: new SqliteWebhookStore({ path }),
    handling: new SqliteHandlingStore({ path }),
    activities: new SqliteActivityStore({ path }),
    duty: new SqliteDutyStore({ path }),
    settings: new SqliteCommitteeSettingsStore({ path }),
    attachments: new SqliteAttachmentStore({ path }),
    docFiles: new SqliteDocFileStore({ path }),
  };
  return { ...stores, description: `SQLite at ${path}`, location: path, close: () => closeAll(stores, logger) };
}
