/** The export menu's strings: Simplified Chinese (the default) and English with the same keys. */
export const exportZhCN = {
  menu: '导出',
  menuLabel: '导出与打印',
  docx: '导出 Word (.docx)',
  markdown: '导出 Markdown (.md)',
  print: '打印',
  failed: '导出失败：{{error}}',
};

export const exportEn: typeof exportZhCN = {
  menu: 'Export',
  menuLabel: 'Export and print',
  docx: 'Export Word (.docx)',
  markdown: 'Export Markdown (.md)',
  print: 'Print',
  failed: 'Export failed: {{error}}',
};
