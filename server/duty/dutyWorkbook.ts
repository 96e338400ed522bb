import writeXlsxFile, { type Cell, type Row } from 'write-excel-file/node';
import type { CommitteeDutyAnswer } from '../../shared/api/duty';
import {
  DUTY_FLAG_LABELS,
  DUTY_FORM_STATE_LABELS,
  DUTY_LEVEL_LABELS,
  isoDay,
  MINIMUM_GAP_LABELS,
} from '../../shared/formal/dutyFormText';

/** The names the overview's rows carry only as ids. */
export interface DutyWorkbookNames {
  readonly groups: ReadonlyMap<string, string>;
}

type MemberRow = CommitteeDutyAnswer['rows'][number];
type GroupRow = CommitteeDutyAnswer['byGroup'][number];

/** One column of a sheet: its header, its width in characters (a Chinese character takes two) and its cell. */
interface Column<T> {
  readonly header: string;
  readonly width: number;
  readonly cell: (row: T) => Cell;
}

const QUARTER_NAMES = ['', '第一季度', '第二季度', '第三季度', '第四季度'] as const;

const number = (value: number): Cell => ({ value, type: Number });
const text = (value: string): Cell => ({ value, type: String });

function memberColumns(names: DutyWorkbookNames): Column<MemberRow>[] {
  const groupNames = (row: MemberRow) => row.groupIds.map((id) => names.groups.get(id) ?? id).join('、');
  return [
    { header: '姓名', width: 12, cell: (row) => text(row.name) },
    { header: '活动组', width: 24, cell: (row) => text(groupNames(row)) },
    { header: '参与分', width: 8, cell: (row) => number(row.participation) },
    { header: '成果分', width: 8, cell: (row) => number(row.results) },
    { header: '总分', width: 8, cell: (row) => number(row.total) },
    { header: '等次', width: 10, cell: (row) => text(DUTY_LEVEL_LABELS[row.level]) },
    {
      header: '三个一未达',
      width: 36,
      cell: (row) => text(row.missing.map((gap) => MINIMUM_GAP_LABELS[gap]).join('；')),
    },
    { header: '参会', width: 6, cell: (row) => number(row.counts.attended) },
    { header: '请假', width: 6, cell: (row) => number(row.counts.excused) },
    { header: '缺席', width: 6, cell: (row) => number(row.counts.absent) },
    { header: '提案', width: 6, cell: (row) => number(row.counts.proposals) },
    { header: '立案', width: 6, cell: (row) => number(row.counts.filed) },
    { header: '报告', width: 6, cell: (row) => number(row.counts.reports) },
    { header: '最近履职日期', width: 14, cell: (row) => text(row.lastFactAt === null ? '' : isoDay(row.lastFactAt)) },
    { header: '标记', width: 24, cell: (row) => text(row.flags.map((flag) => DUTY_FLAG_LABELS[flag]).join('、')) },
    { header: '约谈次数', width: 10, cell: (row) => number(row.talks) },
    { header: '登记表状态', width: 32, cell: (row) => text(DUTY_FORM_STATE_LABELS[row.state]) },
  ];
}

const GROUP_COLUMNS: readonly Column<GroupRow>[] = [
  { header: '活动组', width: 24, cell: (row) => text(row.name) },
  { header: '委员人数', width: 10, cell: (row) => number(row.members) },
  { header: '平均总分', width: 10, cell: (row) => number(Math.round(row.averageTotal * 10) / 10) },
  { header: '提案', width: 6, cell: (row) => number(row.proposals) },
  { header: '立案', width: 6, cell: (row) => number(row.filed) },
  { header: '三个一未达人数', width: 16, cell: (row) => number(row.belowMinimum) },
];

/** A sheet's rows: the bold header, then one row per item. */
function sheetData<T>(columns: readonly Column<T>[], items: readonly T[]): Row[] {
  const header: Row = columns.map((column) => ({ value: column.header, type: String, fontWeight: 'bold' }));
  return [header, ...items.map((item) => columns.map((column) => column.cell(item)))];
}

function widths<T>(columns: readonly Column<T>[]): { width: number }[] {
  return columns.map((column) => ({ width: column.width }));
}

/** 履职考核, or 履职考核（第三季度） for a quarter's view (一季一填报). */
export function dutySheetName(quarter: number | null): string {
  return quarter === null ? '履职考核' : `履职考核（${QUARTER_NAMES[quarter] ?? `第${quarter}季度`}）`;
}

/**
 * The committee's overview of a year (or a quarter) as an .xlsx: a sheet of every member's score,
 * level, minimum, counts, flags, talks and form state, and a sheet 按小组 of the groups' figures.
 * Each sheet's header row is bold and stays in view as the rows scroll.
 */
export async function buildDutyWorkbook(answer: CommitteeDutyAnswer, names: DutyWorkbookNames): Promise<Buffer> {
  const members = memberColumns(names);
  return writeXlsxFile([
    {
      sheet: dutySheetName(answer.quarter),
      data: sheetData(members, answer.rows),
      columns: widths(members),
      stickyRowsCount: 1,
    },
    {
      sheet: '按小组',
      data: sheetData(GROUP_COLUMNS, answer.byGroup),
      columns: widths(GROUP_COLUMNS),
      stickyRowsCount: 1,
    },
  ]).toBuffer();
}
