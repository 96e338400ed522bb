import { activitySchema } from '../../../shared/api/activities';
import type { Activity } from '../../../shared/domain/activities';
import { needJson } from './rowChecks';

/** An activity's row as both SQL adapters read it: the JSON, checked against the API's schema when read back. */
export interface ActivityRow {
  id: string;
  data: string;
}

export function toActivity(row: ActivityRow): Activity {
  return needJson(activitySchema, row.data, 'activities', row.id, 'data');
}
