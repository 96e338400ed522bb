import { getSchema } from '@tiptap/core';
import { StarterKit } from '@tiptap/starter-kit';
import { prosemirrorJSONToYXmlFragment } from '@tiptap/y-tiptap';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { EncodedAnchor } from '../../core/comments';
import { type AnchorContext, anchorContextOfFragment, anchorFromRange, quoteOf, resolveAnchor } from './anchors';

const schema = getSchema([StarterKit]);
const FIELD = 'body';
const PARAGRAPHS = ['城东片区有老旧小区四十余个。', '多数居民支持加装电梯，但资金分摊难以协商。', '建议设立专项补贴。'];
const PASSAGE = '资金分摊';

/** A content doc with one paragraph per entry of `paragraphs`. */
function contentDoc(paragraphs: readonly string[] = PARAGRAPHS): Y.Doc {
  const doc = new Y.Doc({ gc: false });
  const json = {
    type: 'doc',
    content: paragraphs.map((text) => ({ type: 'paragraph', content: [{ type: 'text', text }] })),
  };
  prosemirrorJSONToYXmlFragment(schema, json, doc.getXmlFragment(FIELD));
  return doc;
}

/** The ProseMirror doc and mapping of the doc as it is now, as the editor would build them. */
function contextOf(ydoc: Y.Doc): AnchorContext {
  return anchorContextOfFragment(ydoc, ydoc.getXmlFragment(FIELD), schema);
}

/** ProseMirror positions of the first occurrence of `text`. */
function rangeOf(context: AnchorContext, text: string): { from: number; to: number } {
  let found: { from: number; to: number } | null = null;
  context.pmDoc.descendants((node, pos) => {
    const index = node.isText ? (node.text ?? '').indexOf(text) : -1;
    if (found === null && index >= 0) {
      found = { from: pos + index, to: pos + index + text.length };
    }
    return found === null;
  });
  if (found === null) {
    throw new Error(`"${text}" is not in the document`);
  }
  return found;
}

function paragraphText(doc: Y.Doc, index: number): Y.XmlText {
  const paragraph = doc.getXmlFragment(FIELD).get(index) as Y.XmlElement;
  return paragraph.get(0) as Y.XmlText;
}

/** Anchors `passage` in the doc as it is now. */
function anchor(doc: Y.Doc, passage = PASSAGE): EncodedAnchor {
  const context = contextOf(doc);
  const { from, to } = rangeOf(context, passage);
  return anchorFromRange(context, from, to);
}

/** The anchored text now, or null when the passage is gone. */
function anchoredText(doc: Y.Doc, encoded: EncodedAnchor): string | null {
  const context = contextOf(doc);
  const range = resolveAnchor(context, encoded);
  return range === null ? null : quoteOf(context.pmDoc, range.from, range.to);
}

/** Offset of `part` in the second paragraph's text. */
function offsetOf(doc: Y.Doc, part: string): number {
  return paragraphText(doc, 1).toString().indexOf(part);
}

describe('comment anchors follow their passage through edits', () => {
  it('resolves a fresh anchor to the passage it was made from', () => {
    const doc = contentDoc();
    const context = contextOf(doc);
    const range = rangeOf(context, PASSAGE);
    expect(resolveAnchor(context, anchorFromRange(context, range.from, range.to))).toEqual(range);
    expect(anchoredText(doc, anchor(doc))).toBe(PASSAGE);
  });

  it('keeps the passage when text is inserted before it, in an earlier paragraph and right at its start', () => {
    const doc = contentDoc();
    const encoded = anchor(doc);
    paragraphText(doc, 0).insert(0, '据调查，');
    paragraphText(doc, 1).insert(offsetOf(doc, PASSAGE), '部分');
    expect(anchoredText(doc, encoded)).toBe(PASSAGE);
  });

  it('keeps the passage when text is inserted after it, right at its end and in a later paragraph', () => {
    const doc = contentDoc();
    const encoded = anchor(doc);
    paragraphText(doc, 1).insert(offsetOf(doc, PASSAGE) + PASSAGE.length, '办法');
    paragraphText(doc, 2).insert(0, '为此，');
    expect(anchoredText(doc, encoded)).toBe(PASSAGE);
  });

  it('grows with text inserted inside the passage', () => {
    const doc = contentDoc();
    const encoded = anchor(doc);
    paragraphText(doc, 1).insert(offsetOf(doc, PASSAGE) + 2, '的');
    expect(anchoredText(doc, encoded)).toBe('资金的分摊');
  });

  it('shrinks when part of the passage is deleted, at either end', () => {
    const doc = contentDoc();
    const encoded = anchor(doc);
    paragraphText(doc, 1).delete(offsetOf(doc, PASSAGE), 1);
    expect(anchoredText(doc, encoded)).toBe('金分摊');
    paragraphText(doc, 1).delete(offsetOf(doc, '摊'), 1);
    expect(anchoredText(doc, encoded)).toBe('金分');
  });

  it('keeps what is left when a deletion starts before the passage or ends after it', () => {
    const doc = contentDoc();
    const encoded = anchor(doc);
    paragraphText(doc, 1).delete(offsetOf(doc, '但资金'), 3);
    expect(anchoredText(doc, encoded)).toBe('分摊');
    const other = contentDoc();
    const otherAnchor = anchor(other);
    other.transact(() => paragraphText(other, 1).delete(offsetOf(other, '分摊难'), 3));
    expect(anchoredText(other, otherAnchor)).toBe('资金');
  });

  it('is on deleted text once all of the passage is deleted, or a deletion spans it', () => {
    const doc = contentDoc();
    const encoded = anchor(doc);
    paragraphText(doc, 1).delete(offsetOf(doc, PASSAGE), PASSAGE.length);
    expect(anchoredText(doc, encoded)).toBeNull();
    paragraphText(doc, 1).insert(offsetOf(doc, '难以'), '费用');
    expect(anchoredText(doc, encoded)).toBeNull();

    const around = contentDoc();
    const aroundAnchor = anchor(around);
    paragraphText(around, 1).delete(offsetOf(around, '但资金分摊难'), 6);
    expect(anchoredText(around, aroundAnchor)).toBeNull();
  });

  it('is on deleted text once the paragraph holding the passage is removed', () => {
    const doc = contentDoc();
    const encoded = anchor(doc);
    doc.getXmlFragment(FIELD).delete(1, 1);
    expect(anchoredText(doc, encoded)).toBeNull();
    expect(anchoredText(doc, anchor(doc, '专项补贴'))).toBe('专项补贴');
  });

  it('follows a passage across paragraphs', () => {
    const doc = contentDoc();
    const context = contextOf(doc);
    const encoded = anchorFromRange(context, rangeOf(context, '四十余个').from, rangeOf(context, '多数居民').to);
    paragraphText(doc, 0).insert(0, '目前');
    expect(anchoredText(doc, encoded)).toBe('四十余个。 多数居民');
  });

  it('follows text typed on another device and merged in', () => {
    const doc = contentDoc();
    const encoded = anchor(doc);
    const remote = new Y.Doc({ gc: false });
    Y.applyUpdate(remote, Y.encodeStateAsUpdate(doc));
    paragraphText(remote, 1).insert(0, '调查显示，');
    paragraphText(remote, 1).insert(paragraphText(remote, 1).toString().indexOf('分摊'), '如何');
    paragraphText(doc, 1).insert(paragraphText(doc, 1).length, '（待核实）');
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(remote, Y.encodeStateVector(doc)));
    expect(paragraphText(doc, 1).toString()).toBe('调查显示，多数居民支持加装电梯，但资金如何分摊难以协商。（待核实）');
    expect(anchoredText(doc, encoded)).toBe('资金如何分摊');
  });

  it('reads an anchor that cannot be decoded as deleted text', () => {
    const doc = contentDoc();
    expect(resolveAnchor(contextOf(doc), { start: new Uint8Array([255]), end: new Uint8Array([1, 2]) })).toBeNull();
  });
});
