import { activitySchema } from '../../../shared/api/activities';
import type { Activity } from '../../../shared/domain/activities';
import type { ActivityCacheStore, CachedActivities } from './DeviceStore';
import { CURRENT_ROW, type JianyanDb } from './JianyanDb';

/** A check-in key as the server gives it: 32 bytes in base64url. */
const KEY_PATTERN = /^[A-Za-z0-9_-]{43}$/;

/** The account's activities and check-in keys in the Dexie database (see `ActivityCacheStore`). */
export class DexieActivityCache implements ActivityCacheStore {
  readonly #db: JianyanDb;

  constructor(db: JianyanDb) {
    this.#db = db;
  }

  async readList(): Promise<CachedActivities | null> {
    const row: unknown = await this.#db.activityList.get(CURRENT_ROW);
    if (typeof row !== 'object' || row === null) {
      return null;
    }
    const { activities, fetchedAt } = row as Record<string, unknown>;
    if (!Array.isArray(activities) || typeof fetchedAt !== 'number') {
      return null;
    }
    // Read back untrusted (an older app, a bug): an activity that does not validate is left out.
    const valid = activities.flatMap((each: unknown): Activity[] => {
      const parsed = activitySchema.safeParse(each);
      return parsed.success ? [parsed.data] : [];
    });
    return { activities: valid, fetchedAt };
  }

  async saveList(activities: readonly Activity[], fetchedAt: number): Promise<void> {
    await this.#db.activityList.put({ key: CURRENT_ROW, activities, fetchedAt });
  }

  async readCheckInKey(activityId: string): Promise<string | null> {
    const row: unknown = await this.#db.checkInKeys.get(activityId);
    const key = typeof row === 'object' && row !== null ? (row as Record<string, unknown>).key : null;
    return typeof key === 'string' && KEY_PATTERN.test(key) ? key : null;
  }

  async saveCheckInKey(activityId: string, key: string): Promise<void> {
    await this.#db.checkInKeys.put({ activityId, key });
  }
}
