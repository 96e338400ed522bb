import { AlignmentType, Paragraph, Table, TableCell, TableRow, VerticalAlign, WidthType } from 'docx';
import { CELL_BORDERS } from './docxBody';
import { BODY_TYPE, GRID_SPACING, textRuns } from './docxText';
import { SIZE } from './layout';
import type { FormalField } from './model';

/** The label column's share of the form's width, enough for 建议承办单位 on one line. */
const LABEL_WIDTH_PERCENT = 30;

const LABEL_TYPE = { font: 'heading1', size: SIZE.body } as const;

function cell(text: string, isLabel: boolean): TableCell {
  return new TableCell({
    borders: CELL_BORDERS,
    verticalAlign: VerticalAlign.CENTER,
    width: { size: isLabel ? LABEL_WIDTH_PERCENT : 100 - LABEL_WIDTH_PERCENT, type: WidthType.PERCENTAGE },
    margins: { left: 100, right: 100 },
    children: [
      new Paragraph({
        alignment: isLabel ? AlignmentType.CENTER : AlignmentType.LEFT,
        spacing: GRID_SPACING,
        children: textRuns([{ text }], isLabel ? LABEL_TYPE : BODY_TYPE),
      }),
    ],
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
