import { AlignmentType, BorderStyle, ImageRun, Paragraph, Table, TableCell, TableRow, WidthType } from 'docx';
import { BODY_TYPE, bodyParagraph, centredParagraph, GRID_SPACING, type TypeStyle, textRuns } from './docxText';
import { printedPhotoPx, SIZE } from './layout';
import type { FormalBlock, FormalImages, FormalListItem, FormalRun } from './model';

const NO_IMAGES: FormalImages = new Map();

/** The docx image types of the photo types the device writes; WebP has none and prints as its text. */
const DOCX_IMAGE_TYPE = { 'image/jpeg': 'jpg', 'image/png': 'png' } as const;

/** The caption centred under a photo, in 四号 仿宋, as Word's 题注 sits. */
const CAPTION_TYPE: TypeStyle = { font: 'body', size: SIZE.caption };

/**
 * A photo as a centred paragraph holding the image, as wide as the type area, with its caption
 * (its alternative text) centred under it.
 */
function photoParagraphs(block: Extract<FormalBlock, { type: 'photo' }>, images: FormalImages): Paragraph[] {
  const bytes = images.get(block.sha256);
  const type = block.mediaType === 'image/webp' ? undefined : DOCX_IMAGE_TYPE[block.mediaType];
  if (bytes === undefined || type === undefined) {
    return [bodyParagraph([{ text: `[${block.alt === '' ? '图片' : block.alt}]` }], BODY_TYPE)];
  }
  const caption = block.alt === '' ? [] : [centredParagraph(block.alt, CAPTION_TYPE)];
  return [photoImage(block, bytes, type), ...caption];
}

function photoImage(
  block: Extract<FormalBlock, { type: 'photo' }>,
  bytes: Uint8Array,
  type: (typeof DOCX_IMAGE_TYPE)[keyof typeof DOCX_IMAGE_TYPE],
): Paragraph {
  return new Paragraph({
    alignment: AlignmentType.CENTER,
    children: [
      new ImageRun({
        type,
        data: bytes,
        transformation: printedPhotoPx(block.width, block.height),
        ...(block.alt === '' ? {} : { altText: { name: block.alt, description: block.alt, title: block.alt } }),
      }),
    ],
  });
}

/** GB/T 9704 §7.3.3: first-level headings in 黑体, second-level in 楷体, third-level in bold 仿宋; all 三号. */
const HEADING_TYPE: Record<1 | 2 | 3, TypeStyle> = {
  1: { font: 'heading1', size: SIZE.body },
  2: { font: 'heading2', size: SIZE.body },
  3: { font: 'body', size: SIZE.body, isBold: true },
};

/** A thin black line, the border of every table cell. */
export const CELL_BORDER = { style: BorderStyle.SINGLE, size: 4, color: '000000' } as const;
export const CELL_BORDERS = { top: CELL_BORDER, bottom: CELL_BORDER, left: CELL_BORDER, right: CELL_BORDER } as const;

function listParagraphs(
  items: readonly FormalListItem[],
  isOrdered: boolean,
  depth: number,
  images: FormalImages,
): Array<Paragraph | Table> {
  return items.flatMap((item, index) => {
    const marker: FormalRun = { text: isOrdered ? `${index + 1}. ` : '• ' };
    const [first, ...rest] = item.blocks;
    const head =
      first?.type === 'paragraph' || first?.type === 'heading'
        ? [bodyParagraph([marker, ...first.runs], BODY_TYPE, depth)]
        : [
            bodyParagraph([marker], BODY_TYPE, depth),
            ...(first === undefined ? [] : blockElements(first, depth + 1, images)),
          ];
    return [...head, ...rest.flatMap((block) => blockElements(block, depth + 1, images))];
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
export function blockElements(block: FormalBlock, depth = 0, images = NO_IMAGES): Array<Paragraph | Table> {
  switch (block.type) {
    case 'heading':
      return [bodyParagraph(block.runs, HEADING_TYPE[block.level], depth)];
    case 'paragraph':
      return [bodyParagraph(block.runs, BODY_TYPE, depth)];
    case 'list':
      return listParagraphs(block.items, block.isOrdered, depth, images);
    case 'table':
      return [tableElement(block.rows)];
    case 'photo':
      return photoParagraphs(block, images);
  }
}

/** The body of a document as docx elements, in order; photos embed the bytes `images` has of them. */
export function bodyElements(body: readonly FormalBlock[], images = NO_IMAGES): Array<Paragraph | Table> {
  return body.flatMap((block) => blockElements(block, 0, images));
}
