import { activitySchema } from '../../../shared/api/activities';
import type { Activity } from '../../../shared/domain/activities';
import { need } from './rowChecks';

/** An activity's row as both SQL adapters read it: the JSON, checked against the API's schema when read back. */
export interface ActivityRow {
  id: string;
  data: string;
}

export function toActivity(row: ActivityRow): Activity {
  let parsed: unknown = null;
  try {
    parsed = JSON.parse(row.data);
  } catch {
    parsed = null;
  }
  const checked = activitySchema.safeParse(parsed);
  return need(checked.success ? checked.data : null, 'activities', row.id, 'data');
}
