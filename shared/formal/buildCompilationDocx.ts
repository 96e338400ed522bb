import { AlignmentType, Bookmark, Document, LeaderType, PageReference, Paragraph, type Table, TabStopType } from 'docx';
import { DOCUMENT_STYLES, formalElements, pageNumberFooter } from './buildFormalDocx';
import { BODY_TYPE, blankLine, centredParagraph, GRID_SPACING, textRuns, titleParagraph } from './docxText';
import { A4_TWIPS, MARGINS_MM, mmToTwips, pageProperties, SIZE } from './layout';
import type { FormalDocument } from './model';
import { packDocx } from './packDocx';

/** One proposal of a session, under the number the secretariat gave it (第0012号). */
export interface CompilationEntry {
  readonly number: string;
  readonly document: FormalDocument;
}

export interface CompilationInput {
  /** For example 政协某某市第十四届委员会第三次会议. */
  readonly sessionName: string;
  readonly entries: readonly CompilationEntry[];
}

/** Lines of space above the title on the title page, about a third of the way down. */
const TITLE_PAGE_TOP_LINES = 6;

/** The numeric part of 第0012号, so that 第12号 sorts before 第100号; entries without digits go last. */
function numberValue(number: string): number {
  const digits = /\d+/.exec(number);
  return digits === null ? Number.POSITIVE_INFINITY : Number(digits[0]);
}

/** The entries in number order. */
export function orderedEntries(entries: readonly CompilationEntry[]): CompilationEntry[] {
  return [...entries].sort(
    (a, b) => numberValue(a.number) - numberValue(b.number) || a.number.localeCompare(b.number, 'zh-CN'),
  );
}

function bookmarkOf(index: number): string {
  return `proposal_${index + 1}`;
}

function titlePage(sessionName: string): Paragraph[] {
  const space = Array.from({ length: TITLE_PAGE_TOP_LINES }, blankLine);
  return [...space, titleParagraph(sessionName), blankLine(), titleParagraph('提案汇编')];
}

/** The contents: each proposal's number and title, and its page from a PAGEREF field to its bookmark. */
function contents(entries: readonly CompilationEntry[]): Paragraph[] {
  const right = A4_TWIPS.width - mmToTwips(MARGINS_MM.left) - mmToTwips(MARGINS_MM.right);
  const lines = entries.map(
    (entry, index) =>
      new Paragraph({
        spacing: GRID_SPACING,
        tabStops: [{ type: TabStopType.RIGHT, position: right, leader: LeaderType.DOT }],
        children: [
          ...textRuns([{ text: `${entry.number}　${entry.document.title}\t` }], BODY_TYPE),
          new PageReference(bookmarkOf(index)),
        ],
      }),
  );
  const heading = centredParagraph('目　录', { font: 'heading1', size: SIZE.body }, { pageBreakBefore: true });
  return [heading, blankLine(), ...lines];
}

/** A proposal of the compilation: on a new page, its number (the bookmark the contents point to), then the document. */
function entryElements(entry: CompilationEntry, index: number): Array<Paragraph | Table> {
  const number = new Paragraph({
    pageBreakBefore: true,
    alignment: AlignmentType.RIGHT,
    spacing: GRID_SPACING,
    children: [new Bookmark({ id: bookmarkOf(index), children: textRuns([{ text: entry.number }], BODY_TYPE) })],
  });
  return [number, ...(formalElements(entry.document) as Array<Paragraph | Table>)];
}

/**
 * Builds the session's compilation (提案汇编): a title page, the contents, then every proposal in
 * number order, each from a new page. Word fills in the contents' page numbers when it opens the
 * file (it asks to update fields); LibreOffice fills them when it lays the document out.
 */
export async function buildCompilationDocx(input: CompilationInput): Promise<Uint8Array<ArrayBuffer>> {
  const entries = orderedEntries(input.entries);
  const file = new Document({
    title: `${input.sessionName}提案汇编`,
    styles: DOCUMENT_STYLES,
    features: { updateFields: true },
    sections: [
      {
        properties: { ...pageProperties(), titlePage: true },
        footers: { default: pageNumberFooter(), first: undefined },
        children: [...titlePage(input.sessionName), ...contents(entries), ...entries.flatMap(entryElements)],
      },
    ],
  });
  return packDocx(file);
}
