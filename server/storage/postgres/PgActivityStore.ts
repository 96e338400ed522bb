import type { Activity } from '../../../shared/domain/activities';
import type { ActivitySaveOutcome, ActivityStore } from '../ActivityStore';
import { type ActivityRow, toActivity } from '../rows/activityRows';
import { PgDatabase } from './PgDatabase';

/** Activities on PostgreSQL; owns `activities`. Writes take the records' advisory lock. */
export class PgActivityStore implements ActivityStore {
  readonly #db: PgDatabase;

  private constructor(db: PgDatabase) {
    this.#db = db;
  }

  static async open(options: { readonly url: string; readonly schema?: string; readonly maxConnections?: number }) {
    return new PgActivityStore(
      await PgDatabase.open({
        url: options.url,
        ...(options.schema === undefined ? {} : { schema: options.schema }),
        ...(options.maxConnections === undefined ? {} : { maxConnections: options.maxConnections }),
        name: 'activity store',
      }),
    );
  }

  createActivity(activity: Activity): Promise<void> {
    return this.#db.write('create an activity', async (q) => {
      await q.run(
        'INSERT INTO activities (id, starts_at, version, data) VALUES ($1, $2, $3, $4)',
        activity.id,
        activity.startsAt,
        activity.version,
        JSON.stringify(activity),
      );
    });
  }

  getActivity(id: string): Promise<Activity | null> {
    return this.#db.read('read an activity', async (q) => {
      const row = await q.get<ActivityRow>('SELECT id, data FROM activities WHERE id = $1', id);
      return row === undefined ? null : toActivity(row);
    });
  }

  listActivities(): Promise<Activity[]> {
    return this.#db.read('list activities', async (q) =>
      (await q.all<ActivityRow>('SELECT id, data FROM activities ORDER BY starts_at, id COLLATE "C"')).map(toActivity),
    );
  }

  saveActivity(next: Activity): Promise<ActivitySaveOutcome> {
    return this.#db.write('save an activity', async (q) => {
      const changes = await q.run(
        'UPDATE activities SET version = $1, data = $2 WHERE id = $3 AND version = $4',
        next.version,
        JSON.stringify(next),
        next.id,
        next.version - 1,
      );
      if (changes === 1) {
        return 'saved';
      }
      return (await q.get('SELECT 1 FROM activities WHERE id = $1', next.id)) === undefined ? 'missing' : 'conflict';
    });
  }

  close(): Promise<void> {
    return this.#db.close();
  }
}
