/** The comments part's strings: Simplified Chinese (the default) and English with the same keys. */
export const commentsZhCN = {
  title: '',
};

export const commentsEn: typeof commentsZhCN = {
  title: '',
};
