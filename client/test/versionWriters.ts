import * as Y from 'yjs';
import { ContentField, DocKind, templateUpdate } from '../../shared';
import { type Block, segmentsText, trackAuthorship, type VersionContent } from '../core/versions';

/** A person editing on their own device: a content doc (gc off) whose changes are attributed to them. */
export interface Writer {
  readonly userId: string;
  readonly doc: Y.Doc;
}

/** A writer whose doc starts from the proposal template, as a new document does. */
export function newWriter(userId: string, from?: Y.Doc): Writer {
  const doc = new Y.Doc({ gc: false });
  Y.applyUpdate(doc, from === undefined ? templateUpdate(DocKind.proposal) : Y.encodeStateAsUpdate(from));
  trackAuthorship(doc, () => userId);
  return { userId, doc };
}

/** PermanentUserData files the deletions of later changes a tick after each transaction. */
export function authorshipSettled(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/** Brings every doc up to date with every other, as the relay would. */
export function sync(...docs: Y.Doc[]): void {
  for (const from of docs) {
    for (const to of docs) {
      if (from !== to) {
        Y.applyUpdate(to, Y.encodeStateAsUpdate(from, Y.encodeStateVector(to)));
      }
    }
  }
}

/** The body's paragraph elements in order (headings excluded). */
export function paragraphs(doc: Y.Doc): Y.XmlElement[] {
  return doc
    .getXmlFragment(ContentField.body)
    .toArray()
    .filter((node): node is Y.XmlElement => node instanceof Y.XmlElement && node.nodeName === 'paragraph');
}

/** The text node of the `index`-th paragraph (the template gives each one). */
export function paragraphText(doc: Y.Doc, index: number): Y.XmlText {
  const text = paragraphs(doc)[index]?.get(0);
  if (!(text instanceof Y.XmlText)) {
    throw new Error(`Paragraph ${index} has no text node`);
  }
  return text;
}

/** A content's blocks as lines of text, without what `without` marks (deleted text, by default). */
export function linesOf(content: VersionContent, without?: 'inserted' | 'deleted'): string[] {
  return content.blocks.map((block: Block) => segmentsText(block.segments, without));
}

function textOf(text: Y.XmlText): string {
  return (text.toDelta() as Array<{ insert: unknown }>)
    .map((op) => (typeof op.insert === 'string' ? op.insert : ''))
    .join('');
}

/**
 * A document's lines read the plain way (each top-level element's text, in order), independent
 * of the code under test: what a version rendering must equal.
 */
export function plainLines(doc: Y.Doc): string[] {
  const lines: string[] = [];
  const visit = (node: Y.XmlElement): void => {
    const texts = node.toArray();
    if (texts.some((child) => child instanceof Y.XmlElement && child.nodeName !== 'hardBreak')) {
      for (const child of texts) {
        if (child instanceof Y.XmlElement) {
          visit(child);
        }
      }
      return;
    }
    lines.push(texts.map((child) => (child instanceof Y.XmlText ? textOf(child) : '\n')).join(''));
  };
  for (const node of doc.getXmlFragment(ContentField.body).toArray()) {
    if (node instanceof Y.XmlElement) {
      visit(node);
    }
  }
  return lines;
}
