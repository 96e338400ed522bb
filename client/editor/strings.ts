/**
 * The document title field's strings: Simplified Chinese (the default), with English under the same keys in the
 * En file beside it, loaded only when chosen.
 */
export const docTitleZhCN = {
  tooLong: '标题最多 {{limit}} 字，现在有 {{length}} 字。请删去 {{over}} 字，否则文档列表中只显示前 {{limit}} 字。',
};
