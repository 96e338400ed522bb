import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { type ReportTable, reportCsv, reportXlsxFile } from './reportTables';

const TABLES: ReportTable[] = [
  {
    title: '总体情况',
    header: ['项目', '数值'],
    rows: [
      ['收到提案', 12],
      ['办复率', '66.7%'],
    ],
  },
  {
    title: '承办单位办理情况',
    header: ['承办单位', '交办', '超期'],
    rows: [
      ['市水务局, 排水处', 3, 1],
      ['"引号"单位', 0, null],
      ['=HYPERLINK("x")', 1, 0],
    ],
  },
];

describe('reportCsv', () => {
  it('starts with a UTF-8 BOM and writes each table under its title, CRLF line ends, a blank line between', () => {
    const csv = reportCsv(TABLES);
    expect(csv.startsWith('\uFEFF')).toBe(true);
    expect(csv.slice(1).split('\r\n')).toEqual([
      '总体情况',
      '项目,数值',
      '收到提案,12',
      '办复率,66.7%',
      '',
      '承办单位办理情况',
      '承办单位,交办,超期',
      '"市水务局, 排水处",3,1',
      '"""引号""单位",0,',
      `"'=HYPERLINK(""x"")",1,0`,
      '',
    ]);
  });

  it('encodes to UTF-8 bytes starting EF BB BF, so that Excel opens the Chinese intact', () => {
    const bytes = new TextEncoder().encode(reportCsv(TABLES));
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  });
});

describe('reportXlsxFile', () => {
  it('writes one sheet per table, named by its title, with the cells as numbers and text', async () => {
    const file = await reportXlsxFile('提案统计', TABLES);
    expect(file.name).toBe('提案统计.xlsx');
    const zip = await JSZip.loadAsync(await file.blob.arrayBuffer());
    const workbook = await zip.file('xl/workbook.xml')?.async('string');
    expect(workbook).toContain('name="总体情况"');
    expect(workbook).toContain('name="承办单位办理情况"');
    const strings = (await zip.file('xl/sharedStrings.xml')?.async('string')) ?? '';
    const sheet = (await zip.file('xl/worksheets/sheet1.xml')?.async('string')) ?? '';
    expect(`${strings}${sheet}`).toContain('收到提案');
    expect(sheet).toMatch(/<v>12<\/v>/);
  });
});
