/**
 * Names of the versions the server saves at a transition. They are record text that users read in
 * the version list, so they are stored in Chinese, like the rest of the committee's records.
 */
export const TRANSITION_VERSION_NAMES = {
  submit: '提交审阅',
  return: '退回修改',
  approve: '审核通过',
} as const;
