/** The workflow part's strings: Simplified Chinese (the default) and English with the same keys. */
export const workflowZhCN = {
  title: '',
};

export const workflowEn: typeof workflowZhCN = {
  title: '',
};
