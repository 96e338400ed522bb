import type { DocId } from '../../../shared';
import type { Workspace } from '../../../shared/api/schemas';
import type { DocRow, WorkspaceRow, WorkspaceStore } from './DeviceStore';
import { withServerRecord } from './docRows';
import { CURRENT_ROW, type JianyanDb } from './JianyanDb';
import { toValidDocRow, toValidWorkspaceRow } from './validRows';

/** The account's workspace in its Dexie database (see `WorkspaceStore`). */
export class DexieWorkspace implements WorkspaceStore {
  readonly #db: JianyanDb;

  constructor(db: JianyanDb) {
    this.#db = db;
  }

  async read(): Promise<WorkspaceRow | null> {
    return toValidWorkspaceRow(await this.#db.workspace.get(CURRENT_ROW));
  }

  save(workspace: Workspace, times: { readonly requestedAt: number; readonly fetchedAt: number }): Promise<void> {
    const db = this.#db;
    const { requestedAt, fetchedAt } = times;
    return db.transaction('rw', [db.workspace, db.docs], async () => {
      const { me, groups, people, docs } = workspace;
      await db.workspace.put({ key: CURRENT_ROW, userId: me.id, me, groups, people, fetchedAt });
      const listed = new Set<DocId>(docs.map((doc) => doc.id));
      const existing = await db.docs.bulkGet(docs.map((doc) => doc.id));
      const rows = docs.map((record, index) => {
        const current = toValidDocRow(existing[index]);
        const isKnownNewer = (current?.record?.updatedAt ?? Number.NEGATIVE_INFINITY) > record.updatedAt;
        return current !== null && isKnownNewer ? current : withServerRecord(current, record, fetchedAt);
      });
      await db.docs.bulkPut(rows);
      // Only the rows the answer left out are read back: every row read is opened (sealedRows).
      const unlisted = (await db.docs.toCollection().primaryKeys()).filter((id) => !listed.has(id));
      await db.docs
        .where(':id')
        .anyOf(unlisted)
        .filter((row) => isStale(row, requestedAt))
        .modify((row) => {
          Object.assign(row, { record: null });
        });
    });
  }
}

function isStale(row: Partial<DocRow>, requestedAt: number): boolean {
  return row.record !== null && row.record !== undefined && (row.serverSeenAt ?? 0) < requestedAt;
}
