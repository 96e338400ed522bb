import type { Activity } from '../../../shared/domain/activities';
import type { ActivitySaveOutcome, ActivityStore } from '../ActivityStore';
import { type ActivityRow, toActivity } from '../rows/activityRows';
import { openSqliteConnection } from './openSqliteConnection';
import { SqliteQueries } from './SqliteQueries';

/** Activities in the shared SQLite file, on a connection of their own; owns `activities`. */
export class SqliteActivityStore implements ActivityStore {
  readonly #q: SqliteQueries;

  constructor(options: { readonly path: string }) {
    this.#q = new SqliteQueries(openSqliteConnection(options.path), 'activity store');
  }

  createActivity(activity: Activity): Promise<void> {
    return this.#q.write('create an activity', () => {
      this.#q.run(
        'INSERT INTO activities (id, starts_at, version, data) VALUES (?, ?, ?, ?)',
        activity.id,
        activity.startsAt,
        activity.version,
        JSON.stringify(activity),
      );
    });
  }

  getActivity(id: string): Promise<Activity | null> {
    return this.#q.read('read an activity', () => {
      const row = this.#q.get<ActivityRow>('SELECT id, data FROM activities WHERE id = ?', id);
      return row === undefined ? null : toActivity(row);
    });
  }

  listActivities(): Promise<Activity[]> {
    return this.#q.read('list activities', () =>
      this.#q.all<ActivityRow>('SELECT id, data FROM activities ORDER BY starts_at, id').map(toActivity),
    );
  }

  saveActivity(next: Activity): Promise<ActivitySaveOutcome> {
    return this.#q.write('save an activity', () => {
      const changes = this.#q.run(
        'UPDATE activities SET version = ?, data = ? WHERE id = ? AND version = ?',
        next.version,
        JSON.stringify(next),
        next.id,
        next.version - 1,
      ).changes;
      if (changes === 1) {
        return 'saved';
      }
      return this.#q.get('SELECT 1 FROM activities WHERE id = ?', next.id) === undefined ? 'missing' : 'conflict';
    });
  }

  close(): Promise<void> {
    this.#q.close();
    return Promise.resolve();
  }
}
