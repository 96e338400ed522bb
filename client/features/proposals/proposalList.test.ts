import { describe, expect, it } from 'vitest';
import type { CaseAnswer } from '../../../shared/api/handling';
import type { DocRecord } from '../../../shared/api/schemas';
import type { Assignment, CaseStage, HandlingCase } from '../../../shared/domain/handling';
import { DocKind, type DocStatus, type GroupId, type UserId } from '../../../shared/index';
import {
  buildRows,
  DEFAULT_QUERY,
  filterRows,
  nextSort,
  type ProposalQuery,
  parseProposalQuery,
  proposalRows,
  type RowNames,
  serializeProposalQuery,
  startOfCommitteeDay,
} from './proposalList';

const GROUP_A = 'a0000000-0000-4000-8000-000000000001' as GroupId;
const GROUP_B = 'a0000000-0000-4000-8000-000000000002' as GroupId;
const UNIT_WATER = 'e0000000-0000-4000-8000-000000000001';
const UNIT_ROADS = 'e0000000-0000-4000-8000-000000000002';
const WANG = 'b0000000-0000-4000-8000-000000000001' as UserId;
const LI = 'b0000000-0000-4000-8000-000000000002' as UserId;

let count = 0;
function doc(
  title: string,
  options: Partial<Pick<DocRecord, 'kind' | 'status' | 'groupId' | 'createdAt' | 'isArchived' | 'createdBy'>> & {
    category?: string;
  } = {},
): DocRecord {
  count += 1;
  return {
    id: `d0000000-0000-4000-8000-${String(count).padStart(12, '0')}`,
    kind: options.kind ?? DocKind.proposal,
    groupId: options.groupId === undefined ? GROUP_A : options.groupId,
    title,
    status: options.status ?? 'draft',
    isArchived: options.isArchived ?? false,
    createdBy: options.createdBy === undefined ? WANG : options.createdBy,
    createdAt: options.createdAt ?? Date.UTC(2026, 0, 10),
    updatedAt: 0,
    updatedBy: null,
    authorIds: [],
    cosigners: [],
    lastReturn: null,
    fields: options.category === undefined ? {} : { category: options.category },
  } as unknown as DocRecord;
}

function caseOf(record: DocRecord, number: number | null, stage: CaseStage, unitIds: readonly string[]): CaseAnswer {
  const assignments = unitIds.map(
    (unitId, index) =>
      ({
        id: `as${index}`,
        unitId,
        part: index === 0 ? 'lead' : 'co',
        state: 'accepted',
        assignedAt: 0,
        declineReason: null,
        respondedAt: null,
        opinions: [],
        answers: [],
      }) as unknown as Assignment,
  );
  return {
    case: { docId: record.id, number, outcome: 'filed', assignments } as unknown as HandlingCase,
    stage,
    isOverdue: false,
  };
}

const NAMES: RowNames = {
  person: (id) => ({ [WANG]: '王委员', [LI]: '李委员' })[id] ?? null,
  group: (id) => ({ [GROUP_A]: '第一小组', [GROUP_B]: '第二小组' })[id] ?? null,
  category: (id) => ({ economy: '经济建设', society: '社会事业' })[id] ?? null,
  unit: (id) => ({ [UNIT_WATER]: '市水务局', [UNIT_ROADS]: '市交通运输局' })[id] ?? null,
};

function query(search: string): ProposalQuery {
  return parseProposalQuery(search);
}

describe('the query in the address', () => {
  it('reads every filter, and writes them back in one order with the defaults left out', () => {
    const search =
      'status=filed&group=g1&category=economy&unit=u1&from=2026-01-01&to=2026-03-31&q=%E5%85%BB%E8%80%81&sort=number&stage=handling&kind=proposal,social_info&archived=1';
    const parsed = query(`?${search}`);
    expect(parsed).toEqual({
      kinds: ['proposal', 'social_info'],
      status: 'filed',
      stage: 'handling',
      group: 'g1',
      category: 'economy',
      unit: 'u1',
      from: '2026-01-01',
      to: '2026-03-31',
      text: '养老',
      showArchived: true,
      sort: { key: 'number', isDescending: false },
    });
    expect(serializeProposalQuery(parsed)).toBe(
      'kind=proposal%2Csocial_info&status=filed&stage=handling&group=g1&category=economy&unit=u1&from=2026-01-01&to=2026-03-31&q=%E5%85%BB%E8%80%81&archived=1&sort=number',
    );
    expect(parseProposalQuery(serializeProposalQuery(parsed))).toEqual(parsed);
  });

  it('is empty for the default view: proposals, newest first', () => {
    expect(query('')).toEqual(DEFAULT_QUERY);
    expect(serializeProposalQuery(DEFAULT_QUERY)).toBe('');
    expect(serializeProposalQuery({ ...DEFAULT_QUERY, sort: { key: 'date', isDescending: false } })).toBe('sort=date');
    expect(query('sort=-number').sort).toEqual({ key: 'number', isDescending: true });
  });

  it('ignores what it does not know: a bad status, stage, kind, sort or day', () => {
    expect(query('status=lost&stage=x&kind=poem&sort=colour&from=2026-02-30&to=tomorrow&group=%20')).toEqual(
      DEFAULT_QUERY,
    );
  });

  it('turns a column around when sorted by it again, and starts dates newest first', () => {
    expect(nextSort({ key: 'number', isDescending: false }, 'number')).toEqual({ key: 'number', isDescending: true });
    expect(nextSort({ key: 'number', isDescending: true }, 'title')).toEqual({ key: 'title', isDescending: false });
    expect(nextSort({ key: 'title', isDescending: false }, 'date')).toEqual({ key: 'date', isDescending: true });
  });
});

describe('the rows', () => {
  const pension = doc('关于加强社区养老服务的提案', {
    status: 'filed',
    category: 'society',
    createdAt: Date.UTC(2026, 0, 5),
  });
  const drains = doc('关于老旧小区排水管网改造的建议', {
    status: 'filed',
    groupId: GROUP_B,
    createdBy: LI,
    category: 'economy',
    createdAt: Date.UTC(2026, 1, 1),
  });
  const draft = doc('Rural roads', { createdAt: Date.UTC(2026, 2, 1), createdBy: LI });
  const report = doc('农村道路调研报告', { kind: DocKind.researchReport, groupId: GROUP_B });
  const info = doc('群众反映菜市场改造进度慢', { kind: DocKind.socialInfo });
  const archived = doc('已归档的提案', { isArchived: true });
  const notFiled = doc('不予立案的提案', { status: 'not_filed' as DocStatus, groupId: null, createdBy: null });
  const docs = [pension, drains, draft, report, info, archived, notFiled];
  const cases = [
    caseOf(pension, 12, 'handling', [UNIT_WATER, UNIT_ROADS]),
    caseOf(drains, 3, 'answered', [UNIT_WATER]),
  ];
  const rows = buildRows(docs, cases, NAMES);
  const titles = (search: string) => proposalRows(rows, query(search)).map((row) => row.record.title);

  it('joins each document with its case: number, stage, units and names', () => {
    const row = rows[0];
    expect(row?.number).toBe(12);
    expect(row?.case?.stage).toBe('handling');
    expect(row?.unitNames).toEqual(['市水务局', '市交通运输局']);
    expect(row?.groupName).toBe('第一小组');
    expect(row?.categoryName).toBe('社会事业');
    expect(row?.proposerName).toBe('王委员');
    expect(rows[6]).toMatchObject({ number: null, case: null, groupName: '', proposerName: '', unitIds: [] });
  });

  it('offline, takes the units from the record', () => {
    const handed = { ...drains, handlingUnitIds: [UNIT_ROADS] } as DocRecord;
    expect(buildRows([handed], [], NAMES)[0]?.unitNames).toEqual(['市交通运输局']);
  });

  it('lists live proposals newest first by default; other kinds and archived ones on request', () => {
    expect(titles('')).toEqual(['Rural roads', drains.title, notFiled.title, pension.title]);
    expect(titles('kind=research_report,social_info')).toEqual([report.title, info.title]);
    expect(titles('archived=1')).toContain(archived.title);
  });

  it('filters by status, stage, group, category, unit and title', () => {
    expect(titles('status=filed')).toEqual([drains.title, pension.title]);
    expect(titles('status=not_filed')).toEqual([notFiled.title]);
    expect(titles('stage=handling')).toEqual([pension.title]);
    expect(titles(`group=${GROUP_B}`)).toEqual([drains.title]);
    expect(titles(`group=${GROUP_B}&status=draft`)).toEqual([]);
    expect(titles('category=society')).toEqual([pension.title]);
    expect(titles(`unit=${UNIT_ROADS}`)).toEqual([pension.title]);
    expect(titles(`unit=${UNIT_WATER}&sort=number`)).toEqual([drains.title, pension.title]);
    expect(titles('q=%20rural%20')).toEqual(['Rural roads']);
  });

  it('filters by the day created, in the committee’s calendar', () => {
    expect(titles('from=2026-02-01&to=2026-02-28')).toEqual([drains.title]);
    expect(titles('to=2026-01-05')).toEqual([pension.title]);
    // 1 a.m. in Beijing on 1 March is still 28 February in UTC, and belongs to 1 March.
    const early = doc('清晨的提案', { createdAt: Date.UTC(2026, 1, 28, 17) });
    const only = (search: string) => filterRows(buildRows([early], [], NAMES), query(search)).length;
    expect(only('from=2026-03-01&to=2026-03-01')).toBe(1);
    expect(only('to=2026-02-28')).toBe(0);
    expect(startOfCommitteeDay('2026-03-01')).toBe(Date.UTC(2026, 1, 28, 16));
  });

  it('sorts by any column; rows with nothing in it stay last either way', () => {
    expect(titles('sort=number')).toEqual([drains.title, pension.title, 'Rural roads', notFiled.title]);
    expect(titles('sort=-number')).toEqual([pension.title, drains.title, 'Rural roads', notFiled.title]);
    expect(titles('sort=group')[3]).toBe(notFiled.title);
    expect(titles('sort=-group')[3]).toBe(notFiled.title);
    expect(titles('sort=proposer').at(-1)).toBe(notFiled.title);
    expect(titles('sort=date')).toEqual([pension.title, notFiled.title, drains.title, 'Rural roads']);
    expect(titles('sort=status')[0]).toBe('Rural roads');
    expect(titles('sort=-status')[0]).toBe(notFiled.title);
  });
});
