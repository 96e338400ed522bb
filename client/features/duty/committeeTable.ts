import type { CommitteeDutyAnswer } from '../../../shared/api/duty';

export type CommitteeRow = CommitteeDutyAnswer['rows'][number];

/** The columns the members table sorts by. */
export const SORT_KEYS = ['name', 'total', 'participation', 'results', 'level', 'lastFactAt', 'flags'] as const;
export type SortKey = (typeof SORT_KEYS)[number];

export interface SortOrder {
  readonly key: SortKey;
  readonly isDescending: boolean;
}

/** The office's first look: the members most in need of attention on top. */
export const DEFAULT_SORT: SortOrder = { key: 'flags', isDescending: true };

const LEVEL_RANK: Readonly<Record<CommitteeRow['level'], number>> = {
  unqualified: 0,
  basic: 1,
  competent: 2,
  excellent: 3,
};

function compareBy(key: SortKey, collator: Intl.Collator): (a: CommitteeRow, b: CommitteeRow) => number {
  switch (key) {
    case 'name':
      return (a, b) => collator.compare(a.name, b.name);
    case 'level':
      return (a, b) => LEVEL_RANK[a.level] - LEVEL_RANK[b.level];
    // Someone with no fact at all has been inactive longest: they sort as the oldest.
    case 'lastFactAt':
      return (a, b) => (a.lastFactAt ?? Number.NEGATIVE_INFINITY) - (b.lastFactAt ?? Number.NEGATIVE_INFINITY);
    case 'flags':
      return (a, b) => a.flags.length - b.flags.length || b.total - a.total;
    default:
      return (a, b) => a[key] - b[key];
  }
}

/**
 * The members table's order: by the chosen column, then by name (in the language's collation,
 * so 张 and 李 sort as a Chinese reader expects), so equal scores always list the same way.
 */
export function sortRows(rows: readonly CommitteeRow[], order: SortOrder, locale: string): CommitteeRow[] {
  const collator = new Intl.Collator(locale);
  const compare = compareBy(order.key, collator);
  const sign = order.isDescending ? -1 : 1;
  return [...rows].sort((a, b) => sign * compare(a, b) || collator.compare(a.name, b.name));
}

/** Clicking a column's heading: the same column turns the order round; another starts at its natural direction. */
export function nextSort(current: SortOrder, key: SortKey): SortOrder {
  if (current.key === key) {
    return { key, isDescending: !current.isDescending };
  }
  return { key, isDescending: key !== 'name' };
}

export interface CommitteeSummary {
  readonly members: number;
  /** One decimal; 0 with no member. */
  readonly averageTotal: number;
  readonly byLevel: Readonly<Record<CommitteeRow['level'], number>>;
  /** Members with at least one flag. */
  readonly flagged: number;
}

/** The tiles over the table. */
export function committeeSummary(rows: readonly CommitteeRow[]): CommitteeSummary {
  const byLevel = { excellent: 0, competent: 0, basic: 0, unqualified: 0 };
  for (const row of rows) {
    byLevel[row.level] += 1;
  }
  const sum = rows.reduce((total, row) => total + row.total, 0);
  return {
    members: rows.length,
    averageTotal: rows.length === 0 ? 0 : Math.round((sum * 10) / rows.length) / 10,
    byLevel,
    flagged: rows.filter((row) => row.flags.length > 0).length,
  };
}
