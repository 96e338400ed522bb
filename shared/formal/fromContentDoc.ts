import * as Y from 'yjs';
import { FileNodeName, readFileLinkAttrs, readPhotoAttrs } from '../domain/docFileNodes';
import { ContentField } from '../domain/documentSchema';
import type { FormalBlock, FormalListItem, FormalRun } from './model';

/** The title and body of a content document, as a formal document prints them. */
export interface ContentBlocks {
  readonly title: string;
  readonly body: readonly FormalBlock[];
}

/** Marks kept from the editor's text attributes; others (comments, links, code) print as plain text. */
function runOf(text: string, attributes: Record<string, unknown> | undefined): FormalRun {
  const run: { text: string; bold?: boolean; italic?: boolean; underline?: boolean; strike?: boolean } = { text };
  if (attributes?.bold !== undefined) {
    run.bold = true;
  }
  if (attributes?.italic !== undefined) {
    run.italic = true;
  }
  if (attributes?.underline !== undefined) {
    run.underline = true;
  }
  if (attributes?.strike !== undefined) {
    run.strike = true;
  }
  return run;
}

function textRuns(text: Y.XmlText): FormalRun[] {
  const runs: FormalRun[] = [];
  for (const op of text.toDelta() as Array<{ insert: unknown; attributes?: Record<string, unknown> }>) {
    if (typeof op.insert === 'string' && op.insert.length > 0) {
      runs.push(runOf(op.insert, op.attributes));
    }
  }
  return runs;
}

/** The runs of a textblock (paragraph, heading, code block): its texts, hard breaks as `\n`. */
function inlineRuns(element: Y.XmlElement): FormalRun[] {
  const runs: FormalRun[] = [];
  for (const child of element.toArray()) {
    if (child instanceof Y.XmlText) {
      runs.push(...textRuns(child));
    } else if (child instanceof Y.XmlElement && child.nodeName === 'hardBreak') {
      runs.push({ text: '\n' });
    } else if (child instanceof Y.XmlElement && child.nodeName === FileNodeName.fileLink) {
      // An attachment prints as its name: its bytes are not part of the printed document.
      const file = readFileLinkAttrs(child.getAttributes());
      if (file !== null) {
        runs.push({ text: file.name });
      }
    }
  }
  return runs;
}

function headingLevel(element: Y.XmlElement): 1 | 2 | 3 {
  const level = Number(element.getAttribute('level'));
  return level === 1 || level === 2 ? level : 3;
}

function listItems(list: Y.XmlElement): FormalListItem[] {
  return list
    .toArray()
    .filter((child): child is Y.XmlElement => child instanceof Y.XmlElement && child.nodeName === 'listItem')
    .map((item) => ({ blocks: blocksOf(item) }));
}

/** A table's cells as runs; a cell's paragraphs are joined by line breaks. */
function tableRows(table: Y.XmlElement): FormalRun[][][] {
  const elements = (parent: Y.XmlElement) =>
    parent.toArray().filter((child): child is Y.XmlElement => child instanceof Y.XmlElement);
  return elements(table).map((row) =>
    elements(row).map((cell) =>
      elements(cell).flatMap((paragraph, index) => [
        ...(index === 0 ? [] : [{ text: '\n' }]),
        ...inlineRuns(paragraph),
      ]),
    ),
  );
}

function blockOf(element: Y.XmlElement): FormalBlock[] {
  switch (element.nodeName) {
    case 'paragraph':
    case 'codeBlock':
      return [{ type: 'paragraph', runs: inlineRuns(element) }];
    case 'heading':
      return [{ type: 'heading', level: headingLevel(element), runs: inlineRuns(element) }];
    case 'bulletList':
    case 'orderedList':
      return [{ type: 'list', isOrdered: element.nodeName === 'orderedList', items: listItems(element) }];
    case 'table':
      return [{ type: 'table', rows: tableRows(element) }];
    case 'blockquote':
      return blocksOf(element);
    case FileNodeName.photo: {
      const photo = readPhotoAttrs(element.getAttributes());
      return photo === null ? [] : [{ type: 'photo', ...photo }];
    }
    default:
      // horizontalRule and anything newer than this code: nothing to print.
      return [];
  }
}

function blocksOf(parent: Y.XmlFragment | Y.XmlElement): FormalBlock[] {
  return parent.toArray().flatMap((child) => (child instanceof Y.XmlElement ? blockOf(child) : []));
}

/** Reads the title (`title` Y.Text) and the body (`body`, the editor's nodes) of a content Y.Doc. */
export function contentBlocksOf(doc: Y.Doc): ContentBlocks {
  return {
    title: doc.getText(ContentField.title).toString().trim(),
    body: blocksOf(doc.getXmlFragment(ContentField.body)),
  };
}
