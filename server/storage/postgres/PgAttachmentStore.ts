import type { AttachmentInfo } from '../../../shared/api/attachments';
import type { AdoptionRecord } from '../../../shared/domain/adoptions';
import type { DocId } from '../../../shared/domain/ids';
import type { AttachmentStore, StoredAttachment } from '../AttachmentStore';
import {
  ADOPTION_COLUMNS,
  type AdoptionRow,
  ATTACHMENT_COLUMNS,
  ATTACHMENT_INFO_COLUMNS,
  type AttachmentRow,
  adoptionValues,
  toAdoption,
  toAttachmentInfo,
  toStoredAttachment,
} from '../rows/attachmentRows';
import { blob } from '../rows/rowChecks';
import { PgDatabase, type PgDatabaseOptions } from './PgDatabase';

/** Attachments (bytes as BYTEA) and adoption records in PostgreSQL, as SqliteAttachmentStore keeps them. */
export class PgAttachmentStore implements AttachmentStore {
  readonly #db: PgDatabase;

  private constructor(db: PgDatabase) {
    this.#db = db;
  }

  /** Connects and migrates the schema. */
  static async open(options: Omit<PgDatabaseOptions, 'name'>): Promise<PgAttachmentStore> {
    return new PgAttachmentStore(await PgDatabase.open({ ...options, name: 'attachment store' }));
  }

  addAttachment(attachment: StoredAttachment): Promise<void> {
    // A file is its own row, referenced by nothing yet: no need to wait for the records' lock.
    return this.#db.write(
      'store an attachment',
      async (q) => {
        await q.run(
          `INSERT INTO attachments (${ATTACHMENT_COLUMNS}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
          attachment.id,
          attachment.docId,
          attachment.kind,
          attachment.name,
          attachment.mediaType,
          attachment.size,
          attachment.sha256,
          attachment.uploadedBy,
          attachment.unitId,
          attachment.uploadedAt,
          blob(attachment.bytes),
        );
      },
      { lock: null },
    );
  }

  listAttachments(docId: DocId): Promise<AttachmentInfo[]> {
    return this.#db.read('list attachments', async (q) =>
      (
        await q.all<AttachmentRow>(
          `SELECT ${ATTACHMENT_INFO_COLUMNS} FROM attachments WHERE doc_id = $1 ORDER BY uploaded_at, id`,
          docId,
        )
      ).map(toAttachmentInfo),
    );
  }

  getAttachment(docId: DocId, id: string): Promise<StoredAttachment | null> {
    return this.#db.read('read an attachment', async (q) => {
      const row = await q.get<AttachmentRow>(
        `SELECT ${ATTACHMENT_COLUMNS} FROM attachments WHERE doc_id = $1 AND id = $2`,
        docId,
        id,
      );
      return row === undefined ? null : toStoredAttachment(row);
    });
  }

  listAdoptions(docId: DocId): Promise<AdoptionRecord[]> {
    return this.#db.read('list adoption records', async (q) =>
      (
        await q.all<AdoptionRow>(
          `SELECT ${ADOPTION_COLUMNS} FROM adoption_records WHERE doc_id = $1 ORDER BY at, recorded_at, id`,
          docId,
        )
      ).map(toAdoption),
    );
  }

  addAdoption(record: AdoptionRecord): Promise<void> {
    return this.#db.write('store an adoption record', async (q) => {
      await q.run(
        `INSERT INTO adoption_records (${ADOPTION_COLUMNS}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
        ...adoptionValues(record),
      );
    });
  }

  removeAdoption(docId: DocId, id: string): Promise<boolean> {
    return this.#db.write(
      'remove an adoption record',
      async (q) => (await q.run('DELETE FROM adoption_records WHERE doc_id = $1 AND id = $2', docId, id)) > 0,
    );
  }

  close(): Promise<void> {
    return this.#db.close();
  }
}
