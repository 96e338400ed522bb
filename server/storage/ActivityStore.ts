import type { Activity } from '../../shared/domain/activities';

/** What saving a changed activity did. */
export type ActivitySaveOutcome = 'saved' | 'conflict' | 'missing';

/**
 * Activities, each stored whole (shared/domain/activities.ts) with a version that every change
 * bumps: a change made on an older copy is refused (`conflict`) and done again from a fresh read.
 * Adapters: SQLite (the embedded default) and PostgreSQL, one contract suite.
 */
export interface ActivityStore {
  createActivity(activity: Activity): Promise<void>;
  getActivity(id: string): Promise<Activity | null>;
  /** Every activity, the earliest first. */
  listActivities(): Promise<Activity[]>;
  /** Saves a changed activity when the stored one is at `next.version - 1`. */
  saveActivity(next: Activity): Promise<ActivitySaveOutcome>;
  close(): Promise<void>;
}
