/**
 * The export menu's strings: Simplified Chinese (the default), with English under the same keys in the En file
 * beside it, loaded only when chosen.
 */
export const exportZhCN = {
  menu: '导出',
  menuLabel: '导出与打印',
  docx: '导出 Word (.docx)',
  markdown: '导出 Markdown (.md)',
  print: '打印',
  failed: '导出失败：{{error}}',
};
