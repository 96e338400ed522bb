import { Dexie } from 'dexie';
import { parseUserId, type UserId } from '../../../shared';
import { CURRENT_ROW, createDb, type JianyanDb } from './JianyanDb';

/** The tables an account's data lives in, moved as they are. */
const DATA_TABLES = ['updates', 'unsent', 'docs', 'workspace', 'outbox', 'activity', 'notifications'] as const;

/**
 * Whose the legacy database is: its signed-in account, else the user its workspace was fetched
 * for, else the one user all its queued operations belong to. Null when it cannot be told (the
 * person signed out): then it stays where it is, for nobody else to see.
 */
async function ownerOf(legacy: JianyanDb): Promise<UserId | null> {
  const account = await legacy.account.get(CURRENT_ROW);
  const workspace = await legacy.workspace.get(CURRENT_ROW);
  const named = account?.me?.id ?? workspace?.userId ?? null;
  if (typeof named === 'string') {
    return parseUserId(named);
  }
  const outboxUsers = new Set((await legacy.outbox.toArray()).map((row) => row.userId));
  const [only] = [...outboxUsers];
  return outboxUsers.size === 1 && typeof only === 'string' ? parseUserId(only) : null;
}

/**
 * Moves the database the app kept before each account had its own into `target`, when it was
 * `userId`'s, in one transaction, then deletes it. Its rows keep their keys (`target` is new), so
 * unsent updates stay unsent. A failure leaves the legacy database in place and is reported.
 */
export async function adoptLegacyDatabase(
  target: JianyanDb,
  legacyName: string,
  userId: UserId,
  onError: (err: unknown) => void,
): Promise<void> {
  try {
    if (!(await Dexie.exists(legacyName))) {
      return;
    }
    const legacy = createDb(legacyName);
    try {
      if ((await ownerOf(legacy)) !== userId) {
        return;
      }
      // Read first: a transaction on `target` ends when it waits on another database.
      const contents = await legacy.transaction('r', DATA_TABLES, () =>
        Promise.all(DATA_TABLES.map((name) => legacy.table(name).toArray())),
      );
      const tables = DATA_TABLES.map((name) => target.table(name));
      await target.transaction('rw', tables, async () => {
        for (const [index, name] of DATA_TABLES.entries()) {
          await target.table(name).bulkPut(contents[index] ?? []);
        }
      });
    } finally {
      legacy.close();
    }
    await Dexie.delete(legacyName);
  } catch (err) {
    onError(err);
  }
}
