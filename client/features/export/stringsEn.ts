import type { exportZhCN } from './strings';

export const exportEn: typeof exportZhCN = {
  menu: 'Export',
  menuLabel: 'Export and print',
  docx: 'Export Word (.docx)',
  markdown: 'Export Markdown (.md)',
  print: 'Print',
  failed: 'Export failed: {{error}}',
};
