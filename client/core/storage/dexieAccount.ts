import type { DocId } from '../../../shared';
import type { Me, Workspace } from '../../../shared/api/schemas';
import type { AccountRow, AccountStore, DocRow, WorkspaceRow } from './DeviceStore';
import { withServerRecord } from './docRows';
import { CURRENT_ROW, type JianyanDb } from './JianyanDb';
import { toValidAccountRow, toValidDocRow, toValidWorkspaceRow } from './validRows';

/** Who is signed in and their workspace, in the Dexie database (see `AccountStore`). */
export class DexieAccount implements AccountStore {
  readonly #db: JianyanDb;

  constructor(db: JianyanDb) {
    this.#db = db;
  }

  async read(): Promise<AccountRow | null> {
    return toValidAccountRow(await this.#db.account.get(CURRENT_ROW));
  }

  save(me: Me, isExpired: boolean, now: number): Promise<void> {
    const db = this.#db;
    return db.transaction('rw', [db.account, db.workspace, db.docs], async () => {
      const previous = await db.account.get(CURRENT_ROW);
      const snapshot = await db.workspace.get(CURRENT_ROW);
      const previousUser = previous?.me.id ?? snapshot?.userId;
      if (previousUser !== undefined && previousUser !== me.id) {
        await this.#forgetWorkspace();
      }
      await db.account.put({ key: CURRENT_ROW, me, isExpired, savedAt: now });
    });
  }

  clear(): Promise<void> {
    const db = this.#db;
    return db.transaction('rw', [db.account, db.workspace, db.docs], async () => {
      await db.account.delete(CURRENT_ROW);
      await this.#forgetWorkspace();
    });
  }

  async readWorkspace(): Promise<WorkspaceRow | null> {
    return toValidWorkspaceRow(await this.#db.workspace.get(CURRENT_ROW));
  }

  saveWorkspace(
    workspace: Workspace,
    times: { readonly requestedAt: number; readonly fetchedAt: number },
  ): Promise<void> {
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
      await db.docs
        .filter((row) => isStale(row, requestedAt) && !listed.has(row.id))
        .modify((row) => {
          Object.assign(row, { record: null });
        });
    });
  }

  /** The workspace and the server's records go; document content and unsent edits stay (C8). */
  async #forgetWorkspace(): Promise<void> {
    await this.#db.workspace.delete(CURRENT_ROW);
    await this.#db.docs
      .filter((row) => row.record !== null && row.record !== undefined)
      .modify((row) => {
        Object.assign(row, { record: null });
      });
  }
}

function isStale(row: Partial<DocRow>, requestedAt: number): boolean {
  return row.record !== null && row.record !== undefined && (row.serverSeenAt ?? 0) < requestedAt;
}
