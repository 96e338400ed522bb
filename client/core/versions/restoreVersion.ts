import * as Y from 'yjs';
import { ContentField } from '../../../shared';
import { ClientError, ClientErrorCode } from '../errors';
import { hasSnapshotContent, isVisibleAt } from './snapshots';

/** Origin of the transaction that restores a version: an edit like any other, by whoever restores. */
export const RESTORE_ORIGIN = Symbol('restore-version');

type Attributes = Record<string, unknown>;
type DeltaOp = { insert?: unknown; retain?: number; delete?: number; attributes?: Attributes };

function sameValue(a: unknown, b: unknown): boolean {
  return a === b || JSON.stringify(a) === JSON.stringify(b);
}

function withoutYChange(attributes: Attributes | undefined): Attributes {
  const { ychange: _ychange, ...rest } = attributes ?? {};
  return rest;
}

/** The formatting change that turns `now` into `then` (null removes a mark). */
function formatChange(now: Attributes, then: Attributes): Attributes | null {
  const change: Attributes = {};
  for (const key of new Set([...Object.keys(now), ...Object.keys(then)])) {
    if (!sameValue(now[key], then[key])) {
      change[key] = key in then ? then[key] : null;
    }
  }
  return Object.keys(change).length === 0 ? null : change;
}

function opLength(op: { insert: unknown }): number {
  return typeof op.insert === 'string' ? op.insert.length : 1;
}

/** Takes `length` characters off the front of a version's delta, as runs with their formatting. */
function takeRuns(queue: Array<{ insert: unknown; attributes?: Attributes }>, length: number) {
  const runs: Array<{ insert: unknown; attributes: Attributes }> = [];
  let left = length;
  while (left > 0 && queue.length > 0) {
    const head = queue[0] as { insert: unknown; attributes?: Attributes };
    const size = opLength(head);
    if (size <= left || typeof head.insert !== 'string') {
      runs.push({ insert: head.insert, attributes: withoutYChange(head.attributes) });
      queue.shift();
      left -= size;
    } else {
      runs.push({ insert: head.insert.slice(0, left), attributes: withoutYChange(head.attributes) });
      queue[0] = { ...head, insert: head.insert.slice(left) };
      left = 0;
    }
  }
  return runs;
}

/**
 * Edits a text into what it was at `version`: deletes what was written since, writes again what
 * was deleted since (as new text, with its formatting then) and puts back changed formatting.
 * Text that both have keeps its items, so it keeps its author.
 */
function restoreText(text: Y.Text, now: Y.Snapshot, version: Y.Snapshot): void {
  const diff = text.toDelta(now, version, (type: 'added' | 'removed') => ({ type })) as Array<{
    insert: unknown;
    attributes?: Attributes;
  }>;
  const then = (text.toDelta(version) as Array<{ insert: unknown; attributes?: Attributes }>).slice();
  const ops: DeltaOp[] = [];
  for (const op of diff) {
    const ychange = op.attributes?.ychange as { type: 'added' | 'removed' } | undefined;
    if (ychange?.type === 'added') {
      ops.push({ delete: opLength(op) });
      continue;
    }
    const current = withoutYChange(op.attributes);
    for (const run of takeRuns(then, opLength(op))) {
      if (ychange?.type === 'removed') {
        ops.push({ insert: run.insert, attributes: run.attributes });
      } else {
        const change = formatChange(current, run.attributes);
        ops.push(change === null ? { retain: opLength(run) } : { retain: opLength(run), attributes: change });
      }
    }
  }
  if (ops.some((op) => op.retain === undefined || op.attributes !== undefined)) {
    text.applyDelta(ops);
  }
}

/** A new element or text with the content `node` had at `version`, to insert where it was. */
function copyAt(node: unknown, version: Y.Snapshot): Y.XmlElement | Y.XmlText | null {
  if (node instanceof Y.XmlText) {
    const copy = new Y.XmlText();
    const delta = (node.toDelta(version) as DeltaOp[]).map((op) => ({
      insert: op.insert,
      attributes: withoutYChange(op.attributes),
    }));
    copy.applyDelta(delta);
    return copy;
  }
  if (!(node instanceof Y.XmlElement)) {
    return null;
  }
  const copy = new Y.XmlElement(node.nodeName);
  for (const [key, value] of Object.entries(node.getAttributes(version))) {
    copy.setAttribute(key, value as string);
  }
  const children: Array<Y.XmlElement | Y.XmlText> = [];
  for (let item = node._start; item !== null; item = item.right) {
    if (item.content instanceof Y.ContentType && isVisibleAt(item, version)) {
      const child = copyAt(item.content.type, version);
      if (child !== null) {
        children.push(child);
      }
    }
  }
  copy.insert(0, children);
  return copy;
}

function restoreAttributes(element: Y.XmlElement, version: Y.Snapshot): void {
  const then: Attributes = element.getAttributes(version);
  const now: Attributes = element.getAttributes();
  for (const key of new Set([...Object.keys(now), ...Object.keys(then)])) {
    if (!(key in then)) {
      element.removeAttribute(key);
    } else if (!sameValue(now[key], then[key])) {
      element.setAttribute(key, then[key] as string);
    }
  }
}

type ListStep =
  | { readonly kind: 'keep'; readonly node: unknown }
  | { readonly kind: 'delete' }
  | { readonly kind: 'insert'; readonly copy: Y.XmlElement | Y.XmlText };

/**
 * Edits a list of nodes (the body, an element's children) into what it was at `version`: nodes
 * added since are deleted, nodes deleted since are written again as copies, kept nodes are
 * restored inside. The steps are planned before anything is written, against fixed snapshots.
 */
function restoreList(list: Y.XmlFragment | Y.XmlElement, now: Y.Snapshot, version: Y.Snapshot): void {
  const steps: ListStep[] = [];
  for (let item = list._start; item !== null; item = item.right) {
    if (!(item.content instanceof Y.ContentType)) {
      continue;
    }
    const isNow = isVisibleAt(item, now);
    const wasThen = isVisibleAt(item, version);
    if (isNow && wasThen) {
      steps.push({ kind: 'keep', node: item.content.type });
    } else if (isNow) {
      steps.push({ kind: 'delete' });
    } else if (wasThen) {
      const copy = copyAt(item.content.type, version);
      if (copy !== null) {
        steps.push({ kind: 'insert', copy });
      }
    }
  }
  let index = 0;
  for (const step of steps) {
    if (step.kind === 'delete') {
      list.delete(index, 1);
    } else if (step.kind === 'insert') {
      list.insert(index, [step.copy]);
      index += 1;
    } else {
      restoreNode(step.node, now, version);
      index += 1;
    }
  }
}

function restoreNode(node: unknown, now: Y.Snapshot, version: Y.Snapshot): void {
  if (node instanceof Y.XmlText) {
    restoreText(node, now, version);
  } else if (node instanceof Y.XmlElement) {
    restoreAttributes(node, version);
    restoreList(node, now, version);
  }
}

/**
 * Makes the live title and body what they were at `version`, as ONE new transaction: history is
 * not rewritten, so every earlier version stays comparable, and the restore shows as the
 * restorer's insertions and deletions. Only for someone who may edit the content now; the
 * caller checks that. Throws `not_on_device` when the device lacks some of the version.
 */
export function restoreVersion(doc: Y.Doc, version: Y.Snapshot): void {
  if (!hasSnapshotContent(doc, version)) {
    throw new ClientError({
      code: ClientErrorCode.notOnDevice,
      message: `Version of document ${doc.guid} needs edits this device does not have yet`,
    });
  }
  const now = Y.snapshot(doc);
  doc.transact(() => {
    restoreText(doc.getText(ContentField.title), now, version);
    restoreList(doc.getXmlFragment(ContentField.body), now, version);
  }, RESTORE_ORIGIN);
}
