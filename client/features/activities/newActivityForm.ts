import type { GroupId } from '../../../shared';
import { MAX_ACTIVITY_TEXT } from '../../../shared/domain/activities';
import { ActivityKind } from '../../../shared/domain/dutyScoring';
import type { NewActivity } from '../../core/activities';
import { committeeMoment } from '../committee/committeeTime';

/** The create form's values, as its inputs hold them (times on the committee's clock). */
export interface NewActivityValues {
  readonly kind: ActivityKind;
  readonly title: string;
  readonly place: string;
  readonly startDate: string;
  readonly startTime: string;
  readonly endDate: string;
  readonly endTime: string;
  /** The organising group: its members are invited. */
  readonly groupId: GroupId | null;
}

export type NewActivityField = 'title' | 'place' | 'start' | 'end' | 'groupId';
export type NewActivityProblem = 'required' | 'too_long' | 'unreadable' | 'not_after_start';

export type NewActivityCheck =
  | { readonly ok: true; readonly request: NewActivity }
  | { readonly ok: false; readonly problems: Partial<Record<NewActivityField, NewActivityProblem>> };

/** The kinds in the order the committee's calendar lists them. */
export const ACTIVITY_KINDS: readonly ActivityKind[] = Object.values(ActivityKind);

function textProblem(text: string): NewActivityProblem | null {
  const trimmed = text.trim();
  if (trimmed === '') {
    return 'required';
  }
  return trimmed.length > MAX_ACTIVITY_TEXT ? 'too_long' : null;
}

/** Checks the form as the server will (RULES.md V1, `createActivityRequestSchema`) and builds the request. */
export function checkNewActivity(values: NewActivityValues): NewActivityCheck {
  const problems: Partial<Record<NewActivityField, NewActivityProblem>> = {};
  const title = textProblem(values.title);
  const place = textProblem(values.place);
  const startsAt = committeeMoment({ date: values.startDate, time: values.startTime });
  const endsAt = committeeMoment({ date: values.endDate, time: values.endTime });
  if (title !== null) {
    problems.title = title;
  }
  if (place !== null) {
    problems.place = place;
  }
  if (startsAt === null) {
    problems.start = values.startDate === '' || values.startTime === '' ? 'required' : 'unreadable';
  }
  if (endsAt === null) {
    problems.end = values.endDate === '' || values.endTime === '' ? 'required' : 'unreadable';
  } else if (startsAt !== null && endsAt <= startsAt) {
    problems.end = 'not_after_start';
  }
  if (values.groupId === null) {
    problems.groupId = 'required';
  }
  if (Object.keys(problems).length > 0 || startsAt === null || endsAt === null || values.groupId === null) {
    return { ok: false, problems };
  }
  return {
    ok: true,
    request: {
      kind: values.kind,
      title: values.title.trim(),
      place: values.place.trim(),
      startsAt,
      endsAt,
      groupId: values.groupId,
    },
  };
}
