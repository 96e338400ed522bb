/** A passage of a document with the parts to highlight. */
export interface Snippet {
  readonly text: string;
  /** Highlighted ranges of `text`, [start, end) in UTF-16 units, in order and not overlapping. */
  readonly marks: readonly (readonly [number, number])[];
  /** Whether text was cut before or after the passage. */
  readonly isCutBefore: boolean;
  readonly isCutAfter: boolean;
}

/** Characters kept before the first match: enough to read the match in its sentence. */
const CONTEXT_BEFORE_CHARS = 24;
/** The longest passage shown (a result is two or three lines on a phone). */
const SNIPPET_CHARS = 110;

function rangesOf(text: string, marks: readonly string[]): [number, number][] {
  const lower = text.toLowerCase();
  const ranges: [number, number][] = [];
  for (const mark of marks) {
    const needle = mark.toLowerCase();
    if (needle === '') {
      continue;
    }
    for (let at = lower.indexOf(needle); at !== -1; at = lower.indexOf(needle, at + needle.length)) {
      ranges.push([at, at + needle.length]);
    }
  }
  ranges.sort((a, b) => a[0] - b[0]);
  const merged: [number, number][] = [];
  for (const range of ranges) {
    const last = merged[merged.length - 1];
    if (last !== undefined && range[0] <= last[1]) {
      last[1] = Math.max(last[1], range[1]);
    } else {
      merged.push([range[0], range[1]]);
    }
  }
  return merged;
}

/** The passage of `text` around the first place `marks` occur, with every occurrence marked. */
export function makeSnippet(text: string, marks: readonly string[]): Snippet {
  const all = rangesOf(text, marks);
  const first = all[0]?.[0] ?? 0;
  const start = Math.max(0, Math.min(first - CONTEXT_BEFORE_CHARS, text.length - SNIPPET_CHARS));
  const end = Math.min(text.length, start + SNIPPET_CHARS);
  return {
    text: text.slice(start, end),
    marks: all
      .filter(([from, to]) => from >= start && to <= end)
      .map(([from, to]) => [from - start, to - start] as const),
    isCutBefore: start > 0,
    isCutAfter: end < text.length,
  };
}
