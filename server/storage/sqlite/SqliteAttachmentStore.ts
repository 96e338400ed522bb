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
import { openSqliteConnection } from './openSqliteConnection';
import { SqliteQueries } from './SqliteQueries';

/** Attachments (bytes as BLOB) and adoption records in the shared SQLite file, on a connection of their own. */
export class SqliteAttachmentStore implements AttachmentStore {
  readonly #q: SqliteQueries;

  constructor(options: { readonly path: string }) {
    this.#q = new SqliteQueries(openSqliteConnection(options.path), 'attachment store');
  }

  addAttachment(attachment: StoredAttachment): Promise<void> {
    return this.#q.write('store an attachment', () => {
      this.#q.run(
        `INSERT INTO attachments (${ATTACHMENT_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
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
    });
  }

  listAttachments(docId: DocId): Promise<AttachmentInfo[]> {
    return this.#q.read('list attachments', () =>
      this.#q
        .all<AttachmentRow>(
          `SELECT ${ATTACHMENT_INFO_COLUMNS} FROM attachments WHERE doc_id = ? ORDER BY uploaded_at, rowid`,
          docId,
        )
        .map(toAttachmentInfo),
    );
  }

  getAttachment(docId: DocId, id: string): Promise<StoredAttachment | null> {
    return this.#q.read('read an attachment', () => {
      const row = this.#q.get<AttachmentRow>(
        `SELECT ${ATTACHMENT_COLUMNS} FROM attachments WHERE doc_id = ? AND id = ?`,
        docId,
        id,
      );
      return row === undefined ? null : toStoredAttachment(row);
    });
  }

  listAdoptions(docId: DocId): Promise<AdoptionRecord[]> {
    return this.#q.read('list adoption records', () =>
      this.#q
        .all<AdoptionRow>(
          `SELECT ${ADOPTION_COLUMNS} FROM adoption_records WHERE doc_id = ? ORDER BY at, recorded_at, rowid`,
          docId,
        )
        .map(toAdoption),
    );
  }

  addAdoption(record: AdoptionRecord): Promise<void> {
    return this.#q.write('store an adoption record', () => {
      this.#q.run(
        `INSERT INTO adoption_records (${ADOPTION_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        ...adoptionValues(record),
      );
    });
  }

  removeAdoption(docId: DocId, id: string): Promise<boolean> {
    return this.#q.write(
      'remove an adoption record',
      () => this.#q.run('DELETE FROM adoption_records WHERE doc_id = ? AND id = ?', docId, id).changes > 0,
    );
  }

  close(): Promise<void> {
    this.#q.close();
    return Promise.resolve();
  }
}
