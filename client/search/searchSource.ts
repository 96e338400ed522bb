import * as Y from 'yjs';
import { categoryName, DEFAULT_CATEGORIES } from '../../shared/domain/categories';
import { COMMENTS_KEY, THREADS_KEY } from '../../shared/domain/comments';
import { FIELDS_BY_KIND, readFields } from '../../shared/domain/documentFields';
import { ContentField, type DocKind } from '../../shared/domain/documentSchema';
import type { DocStatus } from '../../shared/domain/roles';

/** What the filters of the search page read of a document (from its row on the device). */
export interface SearchMeta {
  readonly title: string;
  readonly kind: DocKind | null;
  readonly status: DocStatus | null;
  readonly groupId: string | null;
  /** The year it was created (local time); null when unknown. */
  readonly year: number | null;
}

/** One document as the index holds it: plain text only, each body block on its own. */
export interface SearchEntry {
  readonly id: string;
  /** Changes whenever the document's stored updates or its row change: equal stamps need no work. */
  readonly stamp: string;
  readonly meta: SearchMeta;
  readonly title: string;
  /** The plain text of each text block of the body (paragraph, heading, list item, table cell), in order. */
  readonly blocks: readonly string[];
  /** Each filled field as "label：value". */
  readonly fields: readonly string[];
  /** The text of each comment not deleted. */
  readonly comments: readonly string[];
}

/** A document's stored updates and row, as the device store gives them. */
export interface SearchSource {
  readonly id: string;
  readonly stamp: string;
  readonly meta: SearchMeta;
  readonly content: readonly Uint8Array[];
  /** Empty when the device has no comments of it (a handling unit never gets them). */
  readonly comments: readonly Uint8Array[];
}

function textOf(node: Y.XmlText): string {
  return node
    .toDelta()
    .map((op: { insert?: unknown }) => (typeof op.insert === 'string' ? op.insert : ''))
    .join('');
}

/**
 * The text blocks of the body in document order, as the editor counts its text blocks: an element
 * holding text is one block, whatever marks (bold, links) cut its text into pieces, so that a
 * word half in bold is still one word here.
 */
export function bodyBlocks(fragment: Y.XmlFragment): string[] {
  const blocks: string[] = [];
  const visit = (element: Y.XmlFragment | Y.XmlElement): void => {
    const children = element.toArray();
    if (children.some((child) => child instanceof Y.XmlText)) {
      blocks.push(children.map((child) => (child instanceof Y.XmlText ? textOf(child) : '')).join(''));
      return;
    }
    if (children.length === 0 && element instanceof Y.XmlElement && isTextBlockName(element.nodeName)) {
      blocks.push('');
      return;
    }
    for (const child of children) {
      if (child instanceof Y.XmlElement) {
        visit(child);
      }
    }
  };
  visit(fragment);
  return blocks;
}

function isTextBlockName(name: string): boolean {
  return name === 'paragraph' || name === 'heading' || name === 'codeBlock';
}

function fieldLines(doc: Y.Doc, kind: DocKind | null): string[] {
  if (kind === null) {
    return [];
  }
  const values = readFields(doc, kind);
  const lines: string[] = [];
  for (const definition of FIELDS_BY_KIND[kind]) {
    const value = values[definition.key];
    if (typeof value !== 'string' || value.trim() === '') {
      continue;
    }
    const shown =
      definition.spec.type === 'category' ? (categoryName(DEFAULT_CATEGORIES, value) ?? value) : value.trim();
    lines.push(`${definition.label}：${shown}`);
  }
  return lines;
}

function commentTexts(doc: Y.Doc): string[] {
  const texts: string[] = [];
  for (const thread of doc.getMap<unknown>(THREADS_KEY).values()) {
    const list = thread instanceof Y.Map ? thread.get(COMMENTS_KEY) : null;
    if (!(list instanceof Y.Array)) {
      continue;
    }
    for (const comment of list.toArray()) {
      if (comment instanceof Y.Map && comment.get('isDeleted') !== true) {
        const text = comment.get('text');
        if (typeof text === 'string' && text.trim() !== '') {
          texts.push(text);
        }
      }
    }
  }
  return texts;
}

function docOf(updates: readonly Uint8Array[]): Y.Doc {
  const doc = new Y.Doc({ gc: false });
  // One merged update is applied at once: a log of many rows costs one integration, not many.
  if (updates.length > 0) {
    Y.applyUpdate(doc, updates.length === 1 ? (updates[0] as Uint8Array) : Y.mergeUpdates([...updates]));
  }
  return doc;
}

/**
 * The searchable text of a document from its stored updates: title, body blocks, fields and
 * comments. Throws when an update does not decode (the caller leaves that document out).
 */
export function entryOf(source: SearchSource): SearchEntry {
  const content = docOf(source.content);
  const title = content.getText(ContentField.title).toString().trim();
  const entry: SearchEntry = {
    id: source.id,
    stamp: source.stamp,
    meta: source.meta,
    title: title === '' ? source.meta.title : title,
    blocks: bodyBlocks(content.getXmlFragment(ContentField.body)),
    fields: fieldLines(content, source.meta.kind),
    comments: source.comments.length === 0 ? [] : commentTexts(docOf(source.comments)),
  };
  content.destroy();
  return entry;
}
