import {
  Document,
  DocumentGridType,
  HeightRule,
  type IParagraphOptions,
  LineRuleType,
  Table,
  type TableCell,
  TableLayoutType,
  TableRow,
  WidthType,
} from 'docx';
import type { MemberYearAnswer } from '../api/duty';
import { DOCUMENT_STYLES, pageNumberFooter } from './buildFormalDocx';
import { type FormLine, formCell } from './docxForm';
import { blankLine, centredParagraph, type TypeStyle, titleParagraph } from './docxText';
import { type DutyFormCell, type DutyFormSection, dutyFactSections, scoreSection } from './dutyFormSections';
import { chineseDate, DUTY_FORM_STATE_LABELS } from './dutyFormText';
import { pageProperties, SIZE, TYPE_AREA_TWIPS } from './layout';
import { packDocx } from './packDocx';

/** What the member's yearly registration form (委员履行职责登记表) prints. */
export interface DutyFormInput {
  /** For example 政协某某市委员会. */
  readonly committeeName: string;
  readonly answer: MemberYearAnswer;
  /** The names of who confirmed the form, when they did. */
  readonly confirmerNames: { readonly convener: string | null; readonly office: string | null };
}

/** 五号 (10.5 pt) in the table, as the printed 登记表 set it, so that a busy year fits two pages. */
const FORM_SIZE = 21;
const VALUE_TYPE: TypeStyle = { font: 'body', size: FORM_SIZE };
const LABEL_TYPE: TypeStyle = { font: 'heading1', size: FORM_SIZE };
/** 15 pt exact: 五号 type with a little lead. */
const FORM_LINE_TWIPS = 300;
const FORM_SPACING: IParagraphOptions['spacing'] = {
  line: FORM_LINE_TWIPS,
  lineRule: LineRuleType.EXACT,
  before: 0,
  after: 0,
};

/** The block label's column, then kind, three counts and details; their sum is the type area's width. */
const LABEL_COLUMN_TWIPS = 1050;
const COUNT_COLUMN_TWIPS = 750;
/** Wide enough for 委员工作室接待 on one line. */
const KIND_COLUMN_TWIPS = 1800;
const COLUMN_TWIPS = [
  LABEL_COLUMN_TWIPS,
  KIND_COLUMN_TWIPS,
  COUNT_COLUMN_TWIPS,
  COUNT_COLUMN_TWIPS,
  COUNT_COLUMN_TWIPS,
  TYPE_AREA_TWIPS.width - LABEL_COLUMN_TWIPS - KIND_COLUMN_TWIPS - 3 * COUNT_COLUMN_TWIPS,
];

/** A little air above and below each cell's text, as a typed form has. */
const CELL_PADDING_TWIPS = 20;

/** Room to write in: the summary's cell and each opinion's, in lines of the form's type. */
const SUMMARY_MIN_LINES = 8;
const OPINION_MIN_LINES = 3;

function cellOf(
  lines: readonly FormLine[],
  firstColumn: number,
  span: number,
  isLabel: boolean,
  isCentred = isLabel,
  isTopAligned = false,
): TableCell {
  const widthTwips = COLUMN_TWIPS.slice(firstColumn, firstColumn + span).reduce((sum, width) => sum + width, 0);
  return formCell({
    lines: lines.length === 0 ? [''] : lines,
    style: isLabel ? LABEL_TYPE : VALUE_TYPE,
    spacing: FORM_SPACING,
    alignment: isCentred ? 'centre' : 'left',
    widthTwips,
    columnSpan: span > 1 ? span : undefined,
    isTopAligned,
    paddingTwips: CELL_PADDING_TWIPS,
  });
}

/** The cells of one row right of the block label, each placed after the columns before it. */
function rowCells(cells: readonly DutyFormCell[]): TableCell[] {
  let column = 1;
  return cells.map((cell) => {
    const isLabel = cell.isLabel === true;
    const made = cellOf(cell.lines, column, cell.span, isLabel, isLabel || cell.isCentred === true);
    column += cell.span;
    return made;
  });
}

function blockLabel(text: string, rowSpan: number): TableCell {
  return formCell({
    lines: [text],
    style: LABEL_TYPE,
    spacing: FORM_SPACING,
    alignment: 'centre',
    widthTwips: LABEL_COLUMN_TWIPS,
    rowSpan: rowSpan > 1 ? rowSpan : undefined,
    paddingTwips: CELL_PADDING_TWIPS,
  });
}

/** A block: its label down the first column, beside its rows. */
function sectionRows(section: DutyFormSection): TableRow[] {
  return section.rows.map(
    (cells, index) =>
      new TableRow({
        cantSplit: true,
        children: [...(index === 0 ? [blockLabel(section.label, section.rows.length)] : []), ...rowCells(cells)],
      }),
  );
}

function headerRows(answer: MemberYearAnswer): TableRow[] {
  const { book, member } = answer;
  const submitted = book.submittedAt === null ? '' : `（${chineseDate(book.submittedAt)}提交）`;
  const row = (first: string, firstValue: string, second: string, secondValue: string) =>
    new TableRow({
      children: [
        blockLabel(first, 1),
        cellOf([firstValue], 1, 1, false),
        cellOf([second], 2, 2, true),
        cellOf([secondValue], 4, 2, false),
      ],
    });
  return [
    row('姓名', member.name, '所在活动组', member.groupNames.join('、')),
    row('年度', `${answer.year}年`, '填报状态', `${DUTY_FORM_STATE_LABELS[book.state]}${submitted}`),
  ];
}

/** A tall row to write in: a label beside one cell over the other five columns. */
function writingRow(label: string, lines: readonly FormLine[], minLines: number): TableRow {
  return new TableRow({
    height: { value: minLines * FORM_LINE_TWIPS, rule: HeightRule.ATLEAST },
    children: [blockLabel(label, 1), cellOf(lines, 1, 5, false, false, true)],
  });
}

/** An opinion's cell: 已确认 and the signer's name and day once confirmed, else blank lines to sign on. */
function opinionLines(signed: { at: number } | null, name: string | null, signer: string): FormLine[] {
  if (signed === null) {
    return ['', '', { text: `${signer}：　　　　　　　　　　年　　月　　日`, alignment: 'right' }];
  }
  return ['已确认。', '', { text: `${signer}：${name ?? ''}　　${chineseDate(signed.at)}`, alignment: 'right' }];
}

function closingRows(input: DutyFormInput): TableRow[] {
  const { book } = input.answer;
  const summary = book.summary.trim() === '' ? [] : book.summary.trim().split(/\n+/);
  return [
    writingRow('个人总结', summary, SUMMARY_MIN_LINES),
    writingRow(
      '活动组召集人意见',
      opinionLines(book.convenerConfirmation, input.confirmerNames.convener, '召集人签名'),
      OPINION_MIN_LINES,
    ),
    writingRow(
      '委员会办公室意见',
      opinionLines(book.officeConfirmation, input.confirmerNames.office, '经办人签名（盖章）'),
      OPINION_MIN_LINES,
    ),
  ];
}

/** The whole form as one bordered table of fixed columns. */
function formTableOf(input: DutyFormInput): Table {
  const sections = [...dutyFactSections(input.answer), scoreSection(input.answer)];
  return new Table({
    width: { size: TYPE_AREA_TWIPS.width, type: WidthType.DXA },
    columnWidths: COLUMN_TWIPS,
    layout: TableLayoutType.FIXED,
    rows: [...headerRows(input.answer), ...sections.flatMap(sectionRows), ...closingRows(input)],
  });
}

/**
 * Builds a member's yearly registration form (委员履行职责登记表) on A4: the title, then one
 * bordered table of the year's meetings, activities, proposals, reports, discussion, other duties,
 * the score and its level, the member's summary, and the convener's and the office's opinions.
 */
export async function buildDutyFormDocx(input: DutyFormInput): Promise<Uint8Array<ArrayBuffer>> {
  const title = `${input.committeeName}委员履行职责登记表`;
  const file = new Document({
    title: `${title}（${input.answer.year}年度）`,
    styles: DOCUMENT_STYLES,
    sections: [
      {
        // No line grid: LibreOffice snaps every line of a table to the 22-line grid, which would
        // space 五号 type as 三号 and spread the form over twice the pages.
        properties: { ...pageProperties(), grid: { type: DocumentGridType.DEFAULT, linePitch: FORM_LINE_TWIPS } },
        footers: { default: pageNumberFooter() },
        children: [
          titleParagraph(title),
          centredParagraph(`（${input.answer.year}年度）`, { font: 'heading2', size: SIZE.body }),
          blankLine(),
          formTableOf(input),
        ],
      },
    ],
  });
  return packDocx(file);
}
