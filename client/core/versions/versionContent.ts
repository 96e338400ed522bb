/**
 * A version of a document, or the difference between two, as plain data the view renders
 * without an editor: the title and the body's blocks, each made of runs of text that were kept,
 * inserted or deleted, with the person who did it.
 */

export const Change = {
  none: 'none',
  inserted: 'inserted',
  deleted: 'deleted',
} as const;
export type Change = (typeof Change)[keyof typeof Change];

/** A run of text with one change, one author and one set of marks. */
export interface Segment {
  readonly text: string;
  readonly change: Change;
  /** Who inserted or deleted it; null when unchanged, or when the writer is not on record (a template). */
  readonly userId: string | null;
  /** The marks on it (bold, italic, strike, code, link, underline), by name. */
  readonly marks: readonly string[];
}

export const BlockKind = {
  paragraph: 'paragraph',
  heading: 'heading',
  code: 'code',
  rule: 'rule',
} as const;
export type BlockKind = (typeof BlockKind)[keyof typeof BlockKind];

/** One line of the page: a paragraph, a heading, a code block or a rule, where it stands. */
export interface Block {
  readonly kind: BlockKind;
  /** 1-6 for a heading; 0 otherwise. */
  readonly level: number;
  /** How deep in lists it stands; 0 outside lists. */
  readonly listDepth: number;
  /** Shown before the first block of a list item: "•" or "3."; empty otherwise. */
  readonly marker: string;
  readonly isQuote: boolean;
  /** Table cells are shown as paragraphs, marked so. */
  readonly isTableCell: boolean;
  /** Whether the block itself was inserted or deleted (its text says so too). */
  readonly change: Change;
  readonly userId: string | null;
  readonly segments: readonly Segment[];
}

/** What a version view shows. */
export interface VersionContent {
  readonly title: readonly Segment[];
  readonly blocks: readonly Block[];
  /** The people who inserted or deleted something, in order of first appearance. */
  readonly authors: readonly string[];
  /** Whether some change has no author on record (written before authorship was kept, or a template). */
  readonly hasUnknownAuthor: boolean;
}

/** Appends a run, merged into the previous one when change, author and marks are the same. */
export function pushSegment(segments: Segment[], segment: Segment): void {
  if (segment.text === '') {
    return;
  }
  const last = segments[segments.length - 1];
  if (
    last !== undefined &&
    last.change === segment.change &&
    last.userId === segment.userId &&
    last.marks.join() === segment.marks.join()
  ) {
    segments[segments.length - 1] = { ...last, text: last.text + segment.text };
  } else {
    segments.push(segment);
  }
}

/** The plain text of runs: what a version reads like when `change` is left out. */
export function segmentsText(segments: readonly Segment[], without: Change = Change.deleted): string {
  return segments
    .filter((segment) => segment.change !== without)
    .map((segment) => segment.text)
    .join('');
}

/** The people named by the changes of a content, and whether some change has nobody on record. */
export function collectAuthors(
  title: readonly Segment[],
  blocks: readonly Block[],
): Pick<VersionContent, 'authors' | 'hasUnknownAuthor'> {
  const authors: string[] = [];
  let hasUnknownAuthor = false;
  const note = (change: Change, userId: string | null): void => {
    if (change === Change.none) {
      return;
    }
    if (userId === null) {
      hasUnknownAuthor = true;
    } else if (!authors.includes(userId)) {
      authors.push(userId);
    }
  };
  for (const segment of title) {
    note(segment.change, segment.userId);
  }
  for (const block of blocks) {
    note(block.change, block.userId);
    for (const segment of block.segments) {
      note(segment.change, segment.userId);
    }
  }
  return { authors, hasUnknownAuthor };
}
