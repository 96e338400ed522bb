import * as Y from 'yjs';
import { ContentField } from '../../../shared';
import { authorsOf } from './authorship';
import { isVisibleAt } from './snapshots';
import {
  type Block,
  BlockKind,
  Change,
  collectAuthors,
  pushSegment,
  type Segment,
  type VersionContent,
} from './versionContent';

/** Origin of the transaction in which a comparison reads the document; it changes nothing. */
export const COMPARE_ORIGIN = Symbol('compare-versions');

/** What one reading of the document compares: the state shown, and the state it is compared with. */
interface Reading {
  readonly target: Y.Snapshot;
  /** Undefined when one version is rendered without a comparison. */
  readonly base: Y.Snapshot | undefined;
  readonly authors: Y.PermanentUserData;
}

/** Where a block stands: in which list, quote or table. */
interface Place {
  readonly listDepth: number;
  readonly marker: string;
  readonly isQuote: boolean;
  readonly isTableCell: boolean;
}

const TOP: Place = { listDepth: 0, marker: '', isQuote: false, isTableCell: false };

/** What `toDelta` puts under `ychange` for us: the kind of change and who made it. */
interface YChange {
  readonly type: 'added' | 'removed';
  readonly userId: string | null;
}

function userOf(reading: Reading, type: 'added' | 'removed', id: Y.ID): string | null {
  const user: unknown =
    type === 'added' ? reading.authors.getUserByClientId(id.client) : reading.authors.getUserByDeletedId(id);
  return typeof user === 'string' ? user : null;
}

/** Whether an item is shown at all: there in the version shown, or in the one it is compared with. */
function isShown(item: Y.Item, reading: Reading): boolean {
  return isVisibleAt(item, reading.target) || (reading.base !== undefined && isVisibleAt(item, reading.base));
}

function changeOf(item: Y.Item, reading: Reading): { change: Change; userId: string | null } {
  if (reading.base === undefined) {
    return { change: Change.none, userId: null };
  }
  if (!isVisibleAt(item, reading.target)) {
    return { change: Change.deleted, userId: userOf(reading, 'removed', item.id) };
  }
  if (!isVisibleAt(item, reading.base)) {
    return { change: Change.inserted, userId: userOf(reading, 'added', item.id) };
  }
  return { change: Change.none, userId: null };
}

/** Mark names as the editor stores them; marks that may overlap carry a `--hash` suffix. */
function marksOf(attributes: Record<string, unknown>): string[] {
  return Object.keys(attributes)
    .filter((key) => key !== 'ychange')
    .map((key) => key.split('--')[0] ?? key)
    .sort();
}

function textSegments(text: Y.Text, reading: Reading, into: Segment[]): void {
  const computeYChange = (type: 'added' | 'removed', id: Y.ID): YChange => ({
    type,
    userId: userOf(reading, type, id),
  });
  const delta: unknown = text.toDelta(reading.target, reading.base, computeYChange);
  for (const op of delta as ReadonlyArray<{ insert: unknown; attributes?: Record<string, unknown> }>) {
    if (typeof op.insert !== 'string') {
      continue; // the editor's schema puts no embeds in text
    }
    const attributes = op.attributes ?? {};
    const ychange = attributes.ychange as YChange | undefined;
    const change = ychange === undefined ? Change.none : ychange.type === 'added' ? Change.inserted : Change.deleted;
    pushSegment(into, { text: op.insert, change, userId: ychange?.userId ?? null, marks: marksOf(attributes) });
  }
}

/** The children of a type that the reading shows, with their items (for visibility and authors). */
function childrenOf(type: Y.XmlFragment | Y.XmlElement, reading: Reading): Array<{ item: Y.Item; node: unknown }> {
  const found: Array<{ item: Y.Item; node: unknown }> = [];
  for (let item = type._start; item !== null; item = item.right) {
    if (item.countable && item.content instanceof Y.ContentType && isShown(item, reading)) {
      found.push({ item, node: item.content.type });
    }
  }
  return found;
}

function attributesOf(element: Y.XmlElement, item: Y.Item, reading: Reading): Record<string, unknown> {
  // A deleted element's attributes went with it: read them where it was still there.
  const at = isVisibleAt(item, reading.target) ? reading.target : reading.base;
  return element.getAttributes(at);
}

/** The text of a paragraph-like element: its text nodes, with a line break for each hard break. */
function inlineSegments(element: Y.XmlElement, reading: Reading, into: Segment[]): void {
  for (const { item, node } of childrenOf(element, reading)) {
    if (node instanceof Y.XmlText) {
      textSegments(node, reading, into);
    } else if (node instanceof Y.XmlElement && node.nodeName === 'hardBreak') {
      pushSegment(into, { text: '\n', ...changeOf(item, reading), marks: [] });
    } else if (node instanceof Y.XmlElement) {
      inlineSegments(node, reading, into);
    }
  }
}

function textBlock(kind: BlockKind, element: Y.XmlElement, item: Y.Item, place: Place, reading: Reading): Block {
  const level = kind === BlockKind.heading ? Number(attributesOf(element, item, reading).level) || 1 : 0;
  const segments: Segment[] = [];
  if (kind !== BlockKind.rule) {
    inlineSegments(element, reading, segments);
  }
  return { kind, level, ...place, ...changeOf(item, reading), segments };
}

function listBlocks(list: Y.XmlElement, place: Place, reading: Reading, into: Block[]): void {
  const isOrdered = list.nodeName === 'orderedList';
  const items = childrenOf(list, reading);
  items.forEach(({ node }, index) => {
    if (!(node instanceof Y.XmlElement)) {
      return;
    }
    const marker = isOrdered ? `${index + 1}.` : '•';
    childrenOf(node, reading).forEach((child, childIndex) => {
      const inner = { ...place, listDepth: place.listDepth + 1, marker: childIndex === 0 ? marker : '' };
      elementBlocks(child.node, child.item, inner, reading, into);
    });
  });
}

const TEXT_BLOCKS: Readonly<Record<string, BlockKind>> = {
  paragraph: BlockKind.paragraph,
  heading: BlockKind.heading,
  codeBlock: BlockKind.code,
  horizontalRule: BlockKind.rule,
};

function elementBlocks(node: unknown, item: Y.Item, place: Place, reading: Reading, into: Block[]): void {
  if (node instanceof Y.XmlText) {
    // Text straight in a container is not in the editor's schema; show it rather than lose it.
    const segments: Segment[] = [];
    textSegments(node, reading, segments);
    into.push({ kind: BlockKind.paragraph, level: 0, ...place, ...changeOf(item, reading), segments });
    return;
  }
  if (!(node instanceof Y.XmlElement)) {
    return;
  }
  const kind = TEXT_BLOCKS[node.nodeName];
  if (kind !== undefined) {
    into.push(textBlock(kind, node, item, place, reading));
  } else if (node.nodeName === 'bulletList' || node.nodeName === 'orderedList') {
    listBlocks(node, place, reading, into);
  } else {
    const isQuote = place.isQuote || node.nodeName === 'blockquote';
    const isTableCell = place.isTableCell || node.nodeName === 'tableCell' || node.nodeName === 'tableHeader';
    for (const child of childrenOf(node, reading)) {
      elementBlocks(child.node, child.item, { ...place, isQuote, isTableCell }, reading, into);
    }
  }
}

function read(doc: Y.Doc, target: Y.Snapshot, base: Y.Snapshot | undefined): VersionContent {
  const authors = authorsOf(doc);
  // One transaction, so that the items split to read the snapshots are split once and merged back
  // after; it adds and deletes nothing, so the document emits no update.
  return doc.transact((transaction): VersionContent => {
    if (base !== undefined) {
      // A run deleted by two people may sit in one item: split it so each part has one deleter.
      for (const deleted of authors.dss.values()) {
        Y.iterateDeletedStructs(transaction, deleted, () => {});
      }
    }
    const reading: Reading = { target, base, authors };
    const title: Segment[] = [];
    textSegments(doc.getText(ContentField.title), reading, title);
    const blocks: Block[] = [];
    for (const child of childrenOf(doc.getXmlFragment(ContentField.body), reading)) {
      elementBlocks(child.node, child.item, TOP, reading, blocks);
    }
    return { title, blocks, ...collectAuthors(title, blocks) };
  }, COMPARE_ORIGIN);
}

/**
 * The difference between two states of a content document (gc off): what `target` holds, with
 * what was inserted since `base` and what was deleted, attributed through the document's
 * PermanentUserData (insertions by the writer's client id, deletions by the recorded delete
 * sets). `base` null is the empty document (everything is inserted); `target` null is now.
 * Both snapshots must be covered by the document (see `hasSnapshotContent`).
 */
export function compareVersions(doc: Y.Doc, base: Y.Snapshot | null, target: Y.Snapshot | null): VersionContent {
  return read(doc, target ?? Y.snapshot(doc), base ?? Y.emptySnapshot);
}

/** One state of a content document as it was, without a comparison; `snapshot` null is now. */
export function renderVersion(doc: Y.Doc, snapshot: Y.Snapshot | null): VersionContent {
  return read(doc, snapshot ?? Y.snapshot(doc), undefined);
}
