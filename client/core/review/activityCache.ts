import type { DocId, UserId } from '../../../shared';
import { type DocActivity, docActivitySchema } from '../../../shared/api/review';
import type { JianyanDb } from '../storage/JianyanDb';

/**
 * The document's activity as last fetched by `userId`; null when this device has none for them.
 * The row is untrusted (an older app, another user's row): it is validated before use.
 */
export async function readActivity(db: JianyanDb, docId: DocId, userId: UserId | null): Promise<DocActivity | null> {
  if (userId === null) {
    return null;
  }
  const row = await db.activity.get(docId);
  if (row === undefined || row.userId !== userId) {
    return null;
  }
  const parsed = docActivitySchema.safeParse(row.activity);
  return parsed.success && parsed.data.record.id === docId ? parsed.data : null;
}

/** Keeps the activity for reading offline; one row per document (the last user who fetched it). */
export async function saveActivity(
  db: JianyanDb,
  userId: UserId,
  activity: DocActivity,
  now = Date.now(),
): Promise<void> {
  await db.activity.put({ docId: activity.record.id, userId, activity, fetchedAt: now });
}
