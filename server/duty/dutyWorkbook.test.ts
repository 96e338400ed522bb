import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { type CommitteeDutyAnswer, committeeDutySchema } from '../../shared/api/duty';
import { buildDutyWorkbook } from './dutyWorkbook';

const GROUP_ID = '2d8b3e4c-7f6a-4b5c-9dae-9f8a7b6c5d4e';
const MEMBER_ID = '0b6f1c2a-5d4e-4f3a-9b8c-7d6e5f4a3b2c';

function overview(quarter: number | null): CommitteeDutyAnswer {
  return committeeDutySchema.parse({
    year: 2026,
    quarter,
    closed: false,
    inactiveDays: 90,
    rows: [
      {
        userId: MEMBER_ID,
        name: '张三',
        groupIds: [GROUP_ID],
        participation: 35,
        results: 27.5,
        total: 62.5,
        level: 'basic',
        missing: ['plenary', 'field_activities'],
        // 17:00 UTC on 30 September is 1 October in Beijing.
        lastFactAt: Date.UTC(2026, 8, 30, 17),
        flags: ['below_minimum', 'inactive'],
        state: 'submitted',
        talks: 1,
        reminders: 2,
        counts: { attended: 8, excused: 1, absent: 2, proposals: 3, filed: 2, reports: 4 },
      },
    ],
    byMonth: [],
    byGroup: [
      {
        groupId: GROUP_ID,
        name: '第一活动组',
        members: 5,
        averageTotal: 61.25,
        proposals: 9,
        filed: 6,
        belowMinimum: 1,
      },
    ],
  });
}

/** A cell reference's column, from 0: A2 is 0, Q2 is 16. */
function columnOf(reference: string): number {
  const letters = /^[A-Z]+/.exec(reference)?.[0] ?? 'A';
  return [...letters].reduce((index, letter) => index * 26 + letter.charCodeAt(0) - 64, 0) - 1;
}

/** One sheet's rows of cell text, shared strings resolved; a cell not written reads as ''. */
function rowsOf(sheet: string, strings: readonly string[]): string[][] {
  return [...sheet.matchAll(/<row [^>]*>(.*?)<\/row>/g)].map((row) => {
    const cells: string[] = [];
    for (const cell of (row[1] ?? '').matchAll(/<c ([^>]*)>(?:<v>([^<]*)<\/v>)?<\/c>/g)) {
      const attributes = cell[1] ?? '';
      const column = columnOf(/r="([A-Z]+\d+)"/.exec(attributes)?.[1] ?? 'A');
      const value = cell[2] ?? '';
      cells[column] = attributes.includes('t="s"') ? (strings[Number(value)] ?? '') : value;
    }
    return Array.from(cells, (text) => text ?? '');
  });
}

/** The workbook's sheets by name, each as rows of cell text, and each sheet's XML. */
async function readWorkbook(bytes: Uint8Array): Promise<{ sheets: Map<string, string[][]>; xml: string[] }> {
  const zip = await JSZip.loadAsync(bytes);
  const read = async (path: string) => (await zip.file(path)?.async('string')) ?? '';
  const strings = [...(await read('xl/sharedStrings.xml')).matchAll(/<si><t[^>]*>([^<]*)<\/t><\/si>/g)].map(
    (match) => match[1] ?? '',
  );
  const names = [...(await read('xl/workbook.xml')).matchAll(/<sheet [^>]*name="([^"]+)"/g)].map((m) => m[1] ?? '');
  const sheets = new Map<string, string[][]>();
  const xml: string[] = [];
  for (const [index, name] of names.entries()) {
    const sheet = await read(`xl/worksheets/sheet${index + 1}.xml`);
    xml.push(sheet);
    sheets.set(name, rowsOf(sheet, strings));
  }
  return { sheets, xml };
}

describe('buildDutyWorkbook', () => {
  it('writes a sheet 履职考核 with Chinese headers and a member’s row in Chinese, dated in the committee’s zone', async () => {
    const bytes = await buildDutyWorkbook(overview(null), { groups: new Map([[GROUP_ID, '第一活动组']]) });
    const { sheets } = await readWorkbook(bytes);
    expect([...sheets.keys()]).toEqual(['履职考核', '按小组']);
    const [header, row] = sheets.get('履职考核') ?? [];
    expect(header).toEqual([
      '姓名',
      '活动组',
      '参与分',
      '成果分',
      '总分',
      '等次',
      '三个一未达',
      '参会',
      '请假',
      '缺席',
      '提案',
      '立案',
      '报告',
      '最近履职日期',
      '标记',
      '约谈次数',
      '登记表状态',
    ]);
    expect(row).toEqual([
      '张三',
      '第一活动组',
      '35',
      '27.5',
      '62.5',
      '基本称职',
      '未出席全体会议；未参加视察或调研',
      '8',
      '1',
      '2',
      '3',
      '2',
      '4',
      '2026-10-01',
      '三个一未达、长期未履职',
      '1',
      '已提交，待召集人确认',
    ]);
  });

  it('writes the groups’ figures on a sheet 按小组', async () => {
    const { sheets } = await readWorkbook(await buildDutyWorkbook(overview(null), { groups: new Map() }));
    expect(sheets.get('按小组')).toEqual([
      ['活动组', '委员人数', '平均总分', '提案', '立案', '三个一未达人数'],
      ['第一活动组', '5', '61.3', '9', '6', '1'],
    ]);
  });

  it('keeps each header row bold and frozen, with a width for every column', async () => {
    const bytes = await buildDutyWorkbook(overview(null), { groups: new Map() });
    const { xml } = await readWorkbook(bytes);
    const styles = (await (await JSZip.loadAsync(bytes)).file('xl/styles.xml')?.async('string')) ?? '';
    for (const sheet of xml) {
      expect(sheet).toMatch(/<pane [^>]*ySplit="1"[^>]*state="frozen"/);
      const headerStyle = /<row r="1"[^>]*><c r="A1" s="(\d+)"/.exec(sheet)?.[1];
      const fontId = [...styles.matchAll(/<xf ([^>]*)>/g)][Number(headerStyle)]?.[1]?.match(/fontId="(\d+)"/)?.[1];
      expect([...styles.matchAll(/<font>(.*?)<\/font>/g)][Number(fontId)]?.[1]).toContain('<b/>');
    }
    expect(xml[0]?.match(/<col [^>]*customWidth="1"/g)).toHaveLength(17);
  });

  it('names the quarter in the sheet’s title for a quarter’s view', async () => {
    const { sheets } = await readWorkbook(await buildDutyWorkbook(overview(3), { groups: new Map() }));
    expect([...sheets.keys()]).toEqual(['履职考核（第三季度）', '按小组']);
  });

  it('shows a group it has no name for by its id, and no day for a member with no fact', async () => {
    const answer = overview(null);
    const first = answer.rows[0];
    if (first === undefined) {
      throw new Error('the overview has no row');
    }
    const bytes = await buildDutyWorkbook({ ...answer, rows: [{ ...first, lastFactAt: null }] }, { groups: new Map() });
    const row = (await readWorkbook(bytes)).sheets.get('履职考核')?.[1] ?? [];
    expect(row[1]).toBe(GROUP_ID);
    expect(row[13]).toBe('');
  });
});
