import type * as Y from 'yjs';

/** One contiguous replacement: remove `deleteCount` characters at `index`, then insert `insert`. */
export interface TextChange {
  readonly index: number;
  readonly deleteCount: number;
  readonly insert: string;
}

/** A Y.Text event delta, relative to the text before the change. */
export type TextDelta = ReadonlyArray<{
  readonly retain?: number;
  readonly insert?: unknown;
  readonly delete?: number;
}>;

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}

/**
 * The smallest single replacement that turns `before` into `after` (common prefix and suffix
 * kept), never splitting a surrogate pair; null when they are equal. A minimal change keeps
 * concurrent edits of others elsewhere in the text intact.
 */
export function diffText(before: string, after: string): TextChange | null {
  if (before === after) {
    return null;
  }
  const maxPrefix = Math.min(before.length, after.length);
  let prefix = 0;
  while (prefix < maxPrefix && before.charCodeAt(prefix) === after.charCodeAt(prefix)) {
    prefix += 1;
  }
  if (prefix > 0 && isHighSurrogate(before.charCodeAt(prefix - 1))) {
    prefix -= 1;
  }
  const maxSuffix = Math.min(before.length, after.length) - prefix;
  let suffix = 0;
  while (
    suffix < maxSuffix &&
    before.charCodeAt(before.length - 1 - suffix) === after.charCodeAt(after.length - 1 - suffix)
  ) {
    suffix += 1;
  }
  if (suffix > 0 && isLowSurrogate(before.charCodeAt(before.length - suffix))) {
    suffix -= 1;
  }
  return {
    index: prefix,
    deleteCount: before.length - prefix - suffix,
    insert: after.slice(prefix, after.length - suffix),
  };
}

/**
 * Where `index` (in the text before `delta`) ends up after it. An insertion exactly at `index`
 * moves it only when `isStickyAfter` (so a caret stays in front of text others insert there).
 */
export function transformIndex(index: number, delta: TextDelta, isStickyAfter = false): number {
  let oldPos = 0;
  let result = index;
  for (const op of delta) {
    if (oldPos > index) {
      break;
    }
    if (op.retain !== undefined) {
      oldPos += op.retain;
    } else if (op.insert !== undefined) {
      const length = typeof op.insert === 'string' ? op.insert.length : 1;
      if (oldPos < index || (oldPos === index && isStickyAfter)) {
        result += length;
      }
    } else if (op.delete !== undefined) {
      const end = oldPos + op.delete;
      result -= Math.max(0, Math.min(end, index) - oldPos);
      oldPos = end;
    }
  }
  return result;
}

/** Moves a change made against an older text through the deltas applied since, in order. */
export function rebaseChange(change: TextChange, deltas: readonly TextDelta[]): TextChange {
  let start = change.index;
  let end = change.index + change.deleteCount;
  for (const delta of deltas) {
    start = transformIndex(start, delta);
    end = Math.max(start, transformIndex(end, delta));
  }
  return { index: start, deleteCount: end - start, insert: change.insert };
}

/** Applies a change to a Y.Text in one transaction with the given origin. */
export function applyTextChange(text: Y.Text, change: TextChange, origin: unknown): void {
  const apply = (): void => {
    if (change.deleteCount > 0) {
      text.delete(change.index, change.deleteCount);
    }
    if (change.insert !== '') {
      text.insert(change.index, change.insert);
    }
  };
  if (text.doc === null) {
    apply();
  } else {
    text.doc.transact(apply, origin);
  }
}

/** Replaces the whole content of a Y.Text by `next`, as the minimal change. */
export function setText(text: Y.Text, next: string, origin: unknown): void {
  const change = diffText(text.toString(), next);
  if (change !== null) {
    applyTextChange(text, change, origin);
  }
}
