import { z } from 'zod';
import type { DocId } from '../../../shared';
import { groupSchema, type Me, meSchema, personSchema, type Workspace } from '../../../shared/api/schemas';
import { withServerRecord } from './docRecords';
import type { AccountRow, DocRecord, JianyanDb, WorkspaceRow } from './JianyanDb';

const ROW_KEY = 'current';

const workspaceRowSchema = z.object({
  me: meSchema,
  groups: z.array(groupSchema),
  people: z.array(personSchema),
  fetchedAt: z.number(),
});

/** The account signed in on this device; null when nobody is (or the stored row is not valid). */
export async function readAccount(db: JianyanDb): Promise<AccountRow | null> {
  const row = await db.account.get(ROW_KEY);
  const me = meSchema.safeParse(row?.me);
  if (row === undefined || !me.success) {
    return null;
  }
  return { key: ROW_KEY, me: me.data, isExpired: row.isExpired === true, savedAt: Number(row.savedAt) || 0 };
}

/**
 * Stores the signed-in account. When another user than the cached one signs in, the previous
 * user's workspace and document records are dropped (their content and unsent edits stay).
 */
export function saveAccount(db: JianyanDb, me: Me, isExpired: boolean, now: number = Date.now()): Promise<void> {
  return db.transaction('rw', [db.account, db.workspace, db.docs], async () => {
    const previous = await db.account.get(ROW_KEY);
    const snapshot = await db.workspace.get(ROW_KEY);
    const previousUser = previous?.me.id ?? snapshot?.userId;
    if (previousUser !== undefined && previousUser !== me.id) {
      await forgetWorkspace(db);
    }
    await db.account.put({ key: ROW_KEY, me, isExpired, savedAt: now });
  });
}

/**
 * Signs the device out: the account, the workspace and the server's records go (the next user of
 * the device must not see them); document content and unsent edits stay.
 */
export function clearAccount(db: JianyanDb): Promise<void> {
  return db.transaction('rw', [db.account, db.workspace, db.docs], async () => {
    await db.account.delete(ROW_KEY);
    await forgetWorkspace(db);
  });
}

async function forgetWorkspace(db: JianyanDb): Promise<void> {
  await db.workspace.delete(ROW_KEY);
  await db.docs
    .filter((row) => row.record !== null && row.record !== undefined)
    .modify((row) => {
      Object.assign(row, { record: null });
    });
}

/** The cached workspace (without documents); null before the first fetch on this device. */
export async function readWorkspaceRow(db: JianyanDb): Promise<WorkspaceRow | null> {
  const row = await db.workspace.get(ROW_KEY);
  const parsed = workspaceRowSchema.safeParse(row);
  if (!parsed.success) {
    return null;
  }
  return { key: ROW_KEY, userId: parsed.data.me.id, ...parsed.data };
}

/**
 * Stores a `GET /api/workspace` answer in one transaction: the snapshot, each listed document's
 * record, and, for documents the server no longer lists to this user, the removal of the record
 * (their content stays on the device). `requestedAt` is when the request was sent: a record
 * stored since then (a registration that crossed the request) is newer than the answer and stays.
 */
export function saveWorkspace(
  db: JianyanDb,
  workspace: Workspace,
  { requestedAt, fetchedAt = Date.now() }: { readonly requestedAt: number; readonly fetchedAt?: number },
): Promise<void> {
  return db.transaction('rw', [db.workspace, db.docs], async () => {
    const { me, groups, people, docs } = workspace;
    await db.workspace.put({ key: ROW_KEY, userId: me.id, me, groups, people, fetchedAt });
    const listed = new Set<DocId>(docs.map((doc) => doc.id));
    const existing = await db.docs.bulkGet(docs.map((doc) => doc.id));
    const rows = docs.map((record, index) => {
      const current = existing[index];
      const isKnownNewer = (current?.record?.updatedAt ?? Number.NEGATIVE_INFINITY) > record.updatedAt;
      return current !== undefined && isKnownNewer ? current : withServerRecord(current, record, fetchedAt);
    });
    await db.docs.bulkPut(rows);
    await db.docs
      .filter((row) => isStale(row, requestedAt) && !listed.has(row.id))
      .modify((row) => {
        Object.assign(row, { record: null });
      });
  });
}

function isStale(row: DocRecord, requestedAt: number): boolean {
  return row.record !== null && row.record !== undefined && (row.serverSeenAt ?? 0) < requestedAt;
}
