/** The versions part's strings: Simplified Chinese (the default) and English with the same keys. */
export const versionsZhCN = {
  title: '',
};

export const versionsEn: typeof versionsZhCN = {
  title: '',
};
