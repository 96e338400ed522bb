import type { CaseAnswer } from '../../../shared/api/handling';
import type { DocRecord } from '../../../shared/api/schemas';
import { activeAssignments, CaseStage } from '../../../shared/domain/handling';
import { DOC_KINDS, DOC_STATUSES, type DocKind, type DocStatus, DocKind as Kind } from '../../../shared/index';

/**
 * The committee-wide list (全部提案, `/proposals`): its view in the address and the rows it shows.
 * Pure: parsing and writing the query, joining documents with their cases, filtering and sorting.
 */

export const PROPOSAL_SORT_KEYS = [
  'number',
  'title',
  'proposer',
  'group',
  'category',
  'status',
  'units',
  'date',
] as const;
export type ProposalSortKey = (typeof PROPOSAL_SORT_KEYS)[number];

export interface ProposalSort {
  readonly key: ProposalSortKey;
  readonly isDescending: boolean;
}

/** What the list shows; every field has its place in the address (`?status=filed&group=…`). */
export interface ProposalQuery {
  /** The kinds listed; never empty (`kind=proposal,social_info`). */
  readonly kinds: readonly DocKind[];
  readonly status: DocStatus | null;
  /** Where the handling stands (only documents with a case match). */
  readonly stage: CaseStage | null;
  readonly group: string | null;
  readonly category: string | null;
  /** A unit the document is handed to (handled by). */
  readonly unit: string | null;
  /** Created on or after this day (yyyy-mm-dd, the committee's calendar). */
  readonly from: string | null;
  /** Created on or before this day (yyyy-mm-dd). */
  readonly to: string | null;
  /** Part of the title; case and surrounding spaces do not matter. */
  readonly text: string;
  readonly showArchived: boolean;
  readonly sort: ProposalSort;
}

export const DEFAULT_KINDS: readonly DocKind[] = [Kind.proposal];
/** Newest first, as a list of documents usually reads. */
export const DEFAULT_SORT: ProposalSort = { key: 'date', isDescending: true };

export const DEFAULT_QUERY: ProposalQuery = {
  kinds: DEFAULT_KINDS,
  status: null,
  stage: null,
  group: null,
  category: null,
  unit: null,
  from: null,
  to: null,
  text: '',
  showArchived: false,
  sort: DEFAULT_SORT,
};

const CASE_STAGES: readonly CaseStage[] = Object.values(CaseStage);
const DAY_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

function oneOf<T extends string>(list: readonly T[], value: string | null): T | null {
  return list.find((each) => each === value) ?? null;
}

/** A real calendar day as yyyy-mm-dd, else null. */
function dayOf(value: string | null): string | null {
  const match = value === null ? null : DAY_PATTERN.exec(value);
  if (match === null) {
    return null;
  }
  const [, year, month, day] = match.map(Number) as [number, number, number, number];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day
    ? (value as string)
    : null;
}

function nonEmpty(value: string | null): string | null {
  const trimmed = value?.trim() ?? '';
  return trimmed === '' ? null : trimmed;
}

function parseSort(value: string | null): ProposalSort {
  if (value === null) {
    return DEFAULT_SORT;
  }
  const isDescending = value.startsWith('-');
  const key = oneOf(PROPOSAL_SORT_KEYS, isDescending ? value.slice(1) : value);
  return key === null ? DEFAULT_SORT : { key, isDescending };
}

/** The view a query string (`?…` or without the `?`) asks for; anything unknown is ignored. */
export function parseProposalQuery(search: string): ProposalQuery {
  const params = new URLSearchParams(search.startsWith('?') ? search.slice(1) : search);
  const kindText = params.get('kind');
  const kinds =
    kindText === null ? [] : DOC_KINDS.filter((kind) => kindText.split(',').some((each) => each.trim() === kind));
  return {
    kinds: kinds.length === 0 ? DEFAULT_KINDS : kinds,
    status: oneOf(DOC_STATUSES, params.get('status')),
    stage: oneOf(CASE_STAGES, params.get('stage')),
    group: nonEmpty(params.get('group')),
    category: nonEmpty(params.get('category')),
    unit: nonEmpty(params.get('unit')),
    from: dayOf(params.get('from')),
    to: dayOf(params.get('to')),
    text: params.get('q') ?? '',
    showArchived: params.get('archived') === '1',
    sort: parseSort(params.get('sort')),
  };
}

/** The query string of a view, without the `?`: defaults left out, always in the same order. */
export function serializeProposalQuery(query: ProposalQuery): string {
  const params = new URLSearchParams();
  const kinds = DOC_KINDS.filter((kind) => query.kinds.includes(kind));
  if (kinds.length > 0 && !(kinds.length === DEFAULT_KINDS.length && kinds.every((k) => DEFAULT_KINDS.includes(k)))) {
    params.set('kind', kinds.join(','));
  }
  const optional: readonly [string, string | null][] = [
    ['status', query.status],
    ['stage', query.stage],
    ['group', query.group],
    ['category', query.category],
    ['unit', query.unit],
    ['from', query.from],
    ['to', query.to],
  ];
  for (const [name, value] of optional) {
    if (value !== null && value !== '') {
      params.set(name, value);
    }
  }
  if (query.text !== '') {
    params.set('q', query.text);
  }
  if (query.showArchived) {
    params.set('archived', '1');
  }
  if (query.sort.key !== DEFAULT_SORT.key || query.sort.isDescending !== DEFAULT_SORT.isDescending) {
    params.set('sort', `${query.sort.isDescending ? '-' : ''}${query.sort.key}`);
  }
  return params.toString();
}

/** Sorting by a column: the same column again turns the order around. */
export function nextSort(current: ProposalSort, key: ProposalSortKey): ProposalSort {
  return current.key === key ? { key, isDescending: !current.isDescending } : { key, isDescending: key === 'date' };
}

/** Names the rows show, by id: whatever the page knows (the workspace, the units list). */
export interface RowNames {
  readonly person: (id: string) => string | null;
  readonly group: (id: string) => string | null;
  readonly category: (id: string) => string | null;
  readonly unit: (id: string) => string | null;
}

/** One document of the list, with its case when the server told us of one. */
export interface ProposalRow {
  readonly record: DocRecord;
  readonly case: CaseAnswer | null;
  readonly number: number | null;
  readonly proposerName: string;
  readonly groupName: string;
  readonly categoryId: string | null;
  readonly categoryName: string;
  /** The units handling it: the case's active assignments, else those the record names. */
  readonly unitIds: readonly string[];
  readonly unitNames: readonly string[];
}

/** Joins the documents with their cases (the server's, when online) and the names shown. */
export function buildRows(docs: readonly DocRecord[], cases: readonly CaseAnswer[], names: RowNames): ProposalRow[] {
  const caseOf = new Map(cases.map((answer) => [answer.case.docId as string, answer]));
  return docs.map((record) => {
    const answer = caseOf.get(record.id) ?? null;
    const unitIds =
      answer === null
        ? (record.handlingUnitIds ?? [])
        : [...new Set(activeAssignments(answer.case).map((assignment) => assignment.unitId as string))];
    const category =
      typeof record.fields.category === 'string' && record.fields.category !== '' ? record.fields.category : null;
    return {
      record,
      case: answer,
      number: answer?.case.number ?? null,
      proposerName: record.createdBy === null ? '' : (names.person(record.createdBy) ?? ''),
      groupName: record.groupId === null ? '' : (names.group(record.groupId) ?? ''),
      categoryId: category,
      categoryName: category === null ? '' : (names.category(category) ?? ''),
      unitIds,
      unitNames: unitIds.map((id) => names.unit(id) ?? ''),
    };
  });
}

/** The start of a day (yyyy-mm-dd) in the committee's calendar (Asia/Shanghai, UTC+8), as ms. */
export function startOfCommitteeDay(day: string): number {
  const [year, month, date] = day.split('-').map(Number) as [number, number, number];
  return Date.UTC(year, month - 1, date) - 8 * 60 * 60 * 1000;
}

const DAY_MS = 24 * 60 * 60 * 1000;

/** The rows the view keeps. */
export function filterRows(rows: readonly ProposalRow[], query: ProposalQuery): ProposalRow[] {
  const text = query.text.trim().toLowerCase();
  const from = query.from === null ? null : startOfCommitteeDay(query.from);
  const to = query.to === null ? null : startOfCommitteeDay(query.to) + DAY_MS;
  return rows.filter(
    ({ record, case: answer, categoryId, unitIds }) =>
      query.kinds.includes(record.kind) &&
      (query.showArchived || !record.isArchived) &&
      (query.status === null || record.status === query.status) &&
      (query.stage === null || answer?.stage === query.stage) &&
      (query.group === null || record.groupId === query.group) &&
      (query.category === null || categoryId === query.category) &&
      (query.unit === null || unitIds.includes(query.unit)) &&
      (from === null || record.createdAt >= from) &&
      (to === null || record.createdAt < to) &&
      (text === '' || record.title.toLowerCase().includes(text)),
  );
}

const STATUS_ORDER = new Map(DOC_STATUSES.map((status, index) => [status, index]));
const STAGE_ORDER = new Map(CASE_STAGES.map((stage, index) => [stage, index]));
const collator = new Intl.Collator('zh-CN', { numeric: true });

function compareText(a: string, b: string): number {
  return collator.compare(a, b);
}

function compareBy(key: ProposalSortKey, a: ProposalRow, b: ProposalRow): number {
  switch (key) {
    case 'number':
      return (a.number ?? Number.MAX_SAFE_INTEGER) - (b.number ?? Number.MAX_SAFE_INTEGER);
    case 'title':
      return compareText(a.record.title, b.record.title);
    case 'proposer':
      return compareText(a.proposerName, b.proposerName);
    case 'group':
      return compareText(a.groupName, b.groupName);
    case 'category':
      return compareText(a.categoryName, b.categoryName);
    case 'status':
      return (
        (STATUS_ORDER.get(a.record.status) ?? 0) - (STATUS_ORDER.get(b.record.status) ?? 0) ||
        (a.case === null ? -1 : (STAGE_ORDER.get(a.case.stage) ?? 0)) -
          (b.case === null ? -1 : (STAGE_ORDER.get(b.case.stage) ?? 0))
      );
    case 'units':
      return compareText(textOf('units', a), textOf('units', b));
    case 'date':
      return a.record.createdAt - b.record.createdAt;
  }
}

const TEXT_KEYS: readonly ProposalSortKey[] = ['title', 'proposer', 'group', 'category', 'units'];

function textOf(key: ProposalSortKey, row: ProposalRow): string {
  switch (key) {
    case 'title':
      return row.record.title;
    case 'proposer':
      return row.proposerName;
    case 'group':
      return row.groupName;
    case 'category':
      return row.categoryName;
    default:
      return row.unitNames.filter((name) => name !== '').join('、');
  }
}

/** A row with nothing in the column: no number, an empty name. */
function isMissing(key: ProposalSortKey, row: ProposalRow): boolean {
  if (key === 'number') {
    return row.number === null;
  }
  return TEXT_KEYS.includes(key) && textOf(key, row) === '';
}

/**
 * The rows in the view's order; ties keep the newest first. Rows with nothing in the column (no
 * number yet, no category) stay last in either direction.
 */
export function sortRows(rows: readonly ProposalRow[], sort: ProposalSort): ProposalRow[] {
  const direction = sort.isDescending ? -1 : 1;
  return [...rows].sort((a, b) => {
    const aMissing = isMissing(sort.key, a);
    const bMissing = isMissing(sort.key, b);
    if (aMissing !== bMissing) {
      return aMissing ? 1 : -1;
    }
    return compareBy(sort.key, a, b) * direction || b.record.createdAt - a.record.createdAt;
  });
}

/** `filterRows` then `sortRows`. */
export function proposalRows(rows: readonly ProposalRow[], query: ProposalQuery): ProposalRow[] {
  return sortRows(filterRows(rows, query), query.sort);
}
