/** The document title field's strings: Simplified Chinese (the default) and English with the same keys. */
export const docTitleZhCN = {
  tooLong: '标题最多 {{limit}} 字，现在有 {{length}} 字。请删去 {{over}} 字，否则文档列表中只显示前 {{limit}} 字。',
};

export const docTitleEn: typeof docTitleZhCN = {
  tooLong:
    'A title has at most {{limit}} characters; this one has {{length}}. Remove {{over}}, or document lists show only the first {{limit}}.',
};
