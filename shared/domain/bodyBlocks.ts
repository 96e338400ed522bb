import * as Y from 'yjs';
import { ContentField } from './documentSchema';

/**
 * A content document's body read as the submit checks read it (shared/domain/submitChecks.ts):
 * apart from them, so that what needs only the checks' names does not load Yjs.
 */

/** One block of the body as the checks read it. */
export interface BodyBlock {
  readonly type: 'heading' | 'paragraph' | 'numbered' | 'other';
  readonly text: string;
}

/** "1." "1、" "(1)" "（一）" "一、" at the start of a paragraph: a suggestion numbered by hand. */
const NUMBERED = /^\s*(\d+\s*[.、．)）]|[（(]\s*[一二三四五六七八九十\d]+\s*[）)]|[一二三四五六七八九十]+\s*、)/u;

function textOf(node: Y.XmlElement | Y.XmlText): string {
  if (node instanceof Y.XmlText) {
    return node.toString().replace(/<[^>]*>/gu, '');
  }
  return node
    .toArray()
    .map((child) => (child instanceof Y.XmlElement || child instanceof Y.XmlText ? textOf(child) : ''))
    .join('');
}

function blocksOf(node: Y.XmlElement, isNumbered: boolean, into: BodyBlock[]): void {
  const name = node.nodeName;
  if (name === 'heading') {
    into.push({ type: 'heading', text: textOf(node) });
  } else if (name === 'paragraph') {
    const text = textOf(node);
    into.push({ type: isNumbered || NUMBERED.test(text) ? 'numbered' : 'paragraph', text });
  } else if (name === 'orderedList' || name === 'bulletList' || name === 'listItem' || name === 'blockquote') {
    for (const child of node.toArray()) {
      if (child instanceof Y.XmlElement) {
        blocksOf(child, isNumbered || name === 'orderedList', into);
      }
    }
  } else {
    into.push({ type: 'other', text: textOf(node) });
  }
}

/** The body of a content document as blocks: headings, paragraphs, numbered items (in an ordered list or by hand). */
export function bodyBlocks(doc: Y.Doc): BodyBlock[] {
  const blocks: BodyBlock[] = [];
  for (const child of doc.getXmlFragment(ContentField.body).toArray()) {
    if (child instanceof Y.XmlElement) {
      blocksOf(child, false, blocks);
    } else if (child instanceof Y.XmlText) {
      blocks.push({ type: 'paragraph', text: textOf(child) });
    }
  }
  return blocks;
}
