import type { Transition, WORKFLOW } from '../../shared/index';

/** Why a version saved by a transition is saved: the `versionCause` of the transitions that save one. */
export type TransitionVersionCause = NonNullable<(typeof WORKFLOW)[Transition]['versionCause']>;

/**
 * Names of the versions the server saves at a transition, by cause. They are record text that
 * users read in the version list, so they are stored in Chinese, like the rest of the committee's
 * records.
 */
export const TRANSITION_VERSION_NAMES: { readonly [C in TransitionVersionCause]: string } = {
  submit: '提交审阅',
  return: '退回修改',
  approve: '审核通过',
};
