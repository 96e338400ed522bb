import {
  AlignmentType,
  type IParagraphOptions,
  type ITableCellOptions,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  VerticalAlign,
  WidthType,
} from 'docx';
import { CELL_BORDERS } from './docxBody';
import { BODY_TYPE, GRID_SPACING, type TypeStyle, textRuns } from './docxText';
import { SIZE } from './layout';
import type { FormalField } from './model';

/** The label column's share of the form's width, enough for 建议承办单位 on one line. */
const LABEL_WIDTH_PERCENT = 30;

const LABEL_TYPE = { font: 'heading1', size: SIZE.body } as const;

const ALIGNMENTS = { left: AlignmentType.LEFT, centre: AlignmentType.CENTER, right: AlignmentType.RIGHT } as const;
export type FormAlignment = keyof typeof ALIGNMENTS;

/** A paragraph of a form's cell; a plain string takes the cell's alignment. */
export type FormLine = string | { readonly text: string; readonly alignment: FormAlignment };

/** One cell of a printed form: bordered, its text centred (a label) or left (a value), vertically centred. */
export interface FormCellOptions {
  /** Each line a paragraph of its own. */
  readonly lines: readonly FormLine[];
  readonly style: TypeStyle;
  readonly spacing: IParagraphOptions['spacing'];
  /** Left unless given. */
  readonly alignment?: FormAlignment;
  /** A share of the table's width, in percent. */
  readonly widthPercent?: number;
  /** Or a width in twips, for a table of fixed columns. */
  readonly widthTwips?: number;
  readonly columnSpan?: number;
  readonly rowSpan?: number;
  /** Text from the top, for a cell to write in; else vertically centred. */
  readonly isTopAligned?: boolean;
  /** Space above and below the text, in twips. */
  readonly paddingTwips?: number;
}

function widthOf(options: FormCellOptions): ITableCellOptions['width'] {
  if (options.widthTwips !== undefined) {
    return { size: options.widthTwips, type: WidthType.DXA };
  }
  return options.widthPercent === undefined ? undefined : { size: options.widthPercent, type: WidthType.PERCENTAGE };
}

export function formCell(options: FormCellOptions): TableCell {
  return new TableCell({
    borders: CELL_BORDERS,
    verticalAlign: options.isTopAligned === true ? VerticalAlign.TOP : VerticalAlign.CENTER,
    width: widthOf(options),
    columnSpan: options.columnSpan,
    rowSpan: options.rowSpan,
    margins: { left: 100, right: 100, top: options.paddingTwips, bottom: options.paddingTwips },
    children: options.lines.map((line) => {
      const { text, alignment } = typeof line === 'string' ? { text: line, alignment: options.alignment } : line;
      return new Paragraph({
        alignment: ALIGNMENTS[alignment ?? 'left'],
        spacing: options.spacing,
        children: textRuns([{ text }], options.style),
      });
    }),
  });
}

function cell(text: string, isLabel: boolean): TableCell {
  return formCell({
    lines: [text],
    style: isLabel ? LABEL_TYPE : BODY_TYPE,
    spacing: GRID_SPACING,
    alignment: isLabel ? 'centre' : 'left',
    widthPercent: isLabel ? LABEL_WIDTH_PERCENT : 100 - LABEL_WIDTH_PERCENT,
  });
}

/** The form block, as the printed forms have it: a bordered table, labels in 黑体 on the left. */
export function formTable(form: readonly FormalField[]): Table {
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    columnWidths: [LABEL_WIDTH_PERCENT, 100 - LABEL_WIDTH_PERCENT],
    rows: form.map((field) => new TableRow({ children: [cell(field.label, true), cell(field.value, false)] })),
  });
}
