/** The inbox part's strings: Simplified Chinese (the default) and English with the same keys. */
export const inboxZhCN = {
  title: '',
};

export const inboxEn: typeof inboxZhCN = {
  title: '',
};
