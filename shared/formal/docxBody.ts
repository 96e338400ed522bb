import { BorderStyle, Paragraph, Table, TableCell, TableRow, WidthType } from 'docx';
import { BODY_TYPE, bodyParagraph, GRID_SPACING, type TypeStyle, textRuns } from './docxText';
import { SIZE } from './layout';
import type { FormalBlock, FormalListItem, FormalRun } from './model';

/** GB/T 9704 §7.3.3: first-level headings in 黑体, second-level in 楷体, third-level in bold 仿宋; all 三号. */
const HEADING_TYPE: Record<1 | 2 | 3, TypeStyle> = {
  1: { font: 'heading1', size: SIZE.body },
  2: { font: 'heading2', size: SIZE.body },
  3: { font: 'body', size: SIZE.body, isBold: true },
};

/** A thin black line, the border of every table cell. */
export const CELL_BORDER = { style: BorderStyle.SINGLE, size: 4, color: '000000' } as const;
export const CELL_BORDERS = { top: CELL_BORDER, bottom: CELL_BORDER, left: CELL_BORDER, right: CELL_BORDER } as const;

function listParagraphs(items: readonly FormalListItem[], isOrdered: boolean, depth: number): Array<Paragraph | Table> {
  return items.flatMap((item, index) => {
    const marker: FormalRun = { text: isOrdered ? `${index + 1}. ` : '• ' };
    const [first, ...rest] = item.blocks;
    const head =
      first?.type === 'paragraph' || first?.type === 'heading'
        ? [bodyParagraph([marker, ...first.runs], BODY_TYPE, depth)]
        : [bodyParagraph([marker], BODY_TYPE, depth), ...(first === undefined ? [] : blockElements(first, depth + 1))];
    return [...head, ...rest.flatMap((block) => blockElements(block, depth + 1))];
  });
}

function tableElement(rows: readonly (readonly (readonly FormalRun[])[])[]): Table {
  const width = Math.max(1, ...rows.map((row) => row.length));
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: rows.map(
      (row) =>
        new TableRow({
          children: Array.from(
            { length: width },
            (_, at) =>
              new TableCell({
                borders: CELL_BORDERS,
                children: [new Paragraph({ spacing: GRID_SPACING, children: textRuns(row[at] ?? [], BODY_TYPE) })],
              }),
          ),
        }),
    ),
  });
}

/** The docx paragraphs and tables of one block; `depth` indents the blocks nested in lists. */
export function blockElements(block: FormalBlock, depth = 0): Array<Paragraph | Table> {
  switch (block.type) {
    case 'heading':
      return [bodyParagraph(block.runs, HEADING_TYPE[block.level], depth)];
    case 'paragraph':
      return [bodyParagraph(block.runs, BODY_TYPE, depth)];
    case 'list':
      return listParagraphs(block.items, block.isOrdered, depth);
    case 'table':
      return [tableElement(block.rows)];
  }
}

/** The body of a document as docx elements, in order. */
export function bodyElements(body: readonly FormalBlock[]): Array<Paragraph | Table> {
  return body.flatMap((block) => blockElements(block));
}
