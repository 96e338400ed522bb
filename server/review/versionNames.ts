import { COMMITTEE_TIME_ZONE, type Transition, type WORKFLOW } from '../../shared/index';

/** Why a version saved by a transition is saved: the `versionCause` of the transitions that save one. */
export type TransitionVersionCause = NonNullable<(typeof WORKFLOW)[Transition]['versionCause']>;

/**
 * What the versions the server saves at a transition are called, by cause. They are record text
 * that users read in the version list, so they are stored in Chinese, like the rest of the
 * committee's records.
 */
export const TRANSITION_VERSION_NAMES: { readonly [C in TransitionVersionCause]: string } = {
  submit: '提交审阅',
  return: '退回修改',
  approve: '审核通过',
};

/** The day of a version in its name, "12月4日", as the committee's calendar has it whatever the server's zone. */
const VERSION_DAY = new Intl.DateTimeFormat('zh-CN', { timeZone: COMMITTEE_TIME_ZONE, month: 'long', day: 'numeric' });

/**
 * The name of the `ordinal`-th version a document saves for `cause` (1 for the first), saved at
 * `at`: "提交审阅 · 12月1日", then "第2次提交审阅 · 12月4日" once the cause repeats, so that the
 * rounds of a review read apart in the list. The name is stored with the version: versions saved
 * before names were numbered keep theirs.
 */
export function transitionVersionName(cause: TransitionVersionCause, ordinal: number, at: number): string {
  const label = TRANSITION_VERSION_NAMES[cause];
  const numbered = ordinal > 1 ? `第${ordinal}次${label}` : label;
  return `${numbered} · ${VERSION_DAY.format(at)}`;
}
