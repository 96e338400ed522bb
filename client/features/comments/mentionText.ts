import type { UserId } from '../../../shared';

/** Longest name typed after "@" before the picker gives up. */
const MAX_QUERY_LENGTH = 20;

/** A person who may be mentioned: a member of the document's group. */
export interface MentionCandidate {
  readonly id: UserId;
  readonly name: string;
  readonly username: string;
}

/** The "@name" being typed right before the caret. */
export interface MentionQuery {
  /** Index of the "@". */
  readonly start: number;
  /** What follows the "@" up to the caret. */
  readonly query: string;
}

/**
 * The mention being typed at `caret`, or null. The "@" must not follow a Latin letter or digit
 * (an e-mail address), but may follow Chinese text directly: "请@张委员".
 */
export function mentionAt(text: string, caret: number): MentionQuery | null {
  const start = text.lastIndexOf('@', caret - 1);
  if (start < 0 || caret - start - 1 > MAX_QUERY_LENGTH) {
    return null;
  }
  const query = text.slice(start + 1, caret);
  if (/\s|@/.test(query) || /[A-Za-z0-9._%+-]/.test(text.charAt(start - 1))) {
    return null;
  }
  return { start, query };
}

/** Candidates whose name contains the query or whose username starts with it. */
export function matchCandidates(candidates: readonly MentionCandidate[], query: string): MentionCandidate[] {
  const wanted = query.trim().toLowerCase();
  return candidates.filter(
    (each) => wanted === '' || each.name.toLowerCase().includes(wanted) || each.username.startsWith(wanted),
  );
}

/** Replaces the "@query" at `mention` with "@name " and gives the caret after it. */
export function insertMention(
  text: string,
  mention: MentionQuery,
  caret: number,
  name: string,
): { readonly text: string; readonly caret: number } {
  const inserted = `@${name} `;
  return { text: text.slice(0, mention.start) + inserted + text.slice(caret), caret: mention.start + inserted.length };
}

/** The picked people whose "@name" is still in the text (one may delete a mention by hand). */
export function mentionsIn(text: string, picked: ReadonlyMap<UserId, string>): UserId[] {
  return [...picked].filter(([, name]) => text.includes(`@${name}`)).map(([id]) => id);
}

export type TextPart =
  | { readonly kind: 'text'; readonly text: string }
  | { readonly kind: 'mention'; readonly text: string };

/** Splits a comment into plain text and the "@name"s of the people it mentions, for display. */
export function splitMentions(text: string, names: readonly string[]): TextPart[] {
  const tokens = [...new Set(names)].filter((name) => name !== '').map((name) => `@${name}`);
  if (tokens.length === 0) {
    return text === '' ? [] : [{ kind: 'text', text }];
  }
  // Longest first, so that "@王小明" wins over "@王小".
  tokens.sort((a, b) => b.length - a.length);
  const pattern = new RegExp(`(${tokens.map((token) => token.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')})`);
  return text
    .split(pattern)
    .filter((part) => part !== '')
    .map((part) => (tokens.includes(part) ? { kind: 'mention', text: part } : { kind: 'text', text: part }));
}
