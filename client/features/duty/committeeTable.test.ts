import { describe, expect, it } from 'vitest';
import type { UserId } from '../../../shared/index';
import { type CommitteeRow, committeeSummary, DEFAULT_SORT, nextSort, sortRows } from './committeeTable';

function row(name: string, patch: Partial<CommitteeRow> = {}): CommitteeRow {
  return {
    userId: `u-${name}` as UserId,
    name,
    groupIds: [],
    participation: 0,
    results: 0,
    total: 0,
    level: 'unqualified',
    missing: [],
    lastFactAt: null,
    flags: [],
    state: 'draft',
    talks: 0,
    reminders: 0,
    counts: { attended: 0, excused: 0, absent: 0, proposals: 0, filed: 0, reports: 0 },
    ...patch,
  };
}

const ROWS = [
  row('张三', { total: 82, level: 'excellent', lastFactAt: 300 }),
  row('李四', { total: 60, level: 'basic', lastFactAt: 100, flags: ['below_minimum'] }),
  row('王五', { total: 0, level: 'unqualified', flags: ['below_minimum', 'inactive', 'unqualified'] }),
  row('赵六', { total: 60, level: 'basic', lastFactAt: 200 }),
];

const names = (rows: readonly CommitteeRow[]) => rows.map((each) => each.name);

describe('sortRows', () => {
  it('puts the members with the most flags first by default, then the lower totals', () => {
    expect(names(sortRows(ROWS, DEFAULT_SORT, 'zh-CN'))).toEqual(['王五', '李四', '赵六', '张三']);
  });

  it('sorts by total either way, equal totals by name in pinyin order', () => {
    expect(names(sortRows(ROWS, { key: 'total', isDescending: true }, 'zh-CN'))).toEqual([
      '张三',
      '李四',
      '赵六',
      '王五',
    ]);
    expect(names(sortRows(ROWS, { key: 'total', isDescending: false }, 'zh-CN'))).toEqual([
      '王五',
      '李四',
      '赵六',
      '张三',
    ]);
  });

  it('sorts by level from 优秀 down, and by the last fact with no fact as the oldest', () => {
    expect(names(sortRows(ROWS, { key: 'level', isDescending: true }, 'zh-CN'))).toEqual([
      '张三',
      '李四',
      '赵六',
      '王五',
    ]);
    expect(names(sortRows(ROWS, { key: 'lastFactAt', isDescending: false }, 'zh-CN'))).toEqual([
      '王五',
      '李四',
      '赵六',
      '张三',
    ]);
  });

  it('leaves the rows it was given in their order', () => {
    sortRows(ROWS, { key: 'name', isDescending: false }, 'zh-CN');
    expect(names(ROWS)).toEqual(['张三', '李四', '王五', '赵六']);
  });
});

describe('nextSort', () => {
  it('turns the same column round and starts another in its natural direction', () => {
    expect(nextSort({ key: 'total', isDescending: true }, 'total')).toEqual({ key: 'total', isDescending: false });
    expect(nextSort({ key: 'total', isDescending: true }, 'name')).toEqual({ key: 'name', isDescending: false });
    expect(nextSort({ key: 'name', isDescending: false }, 'results')).toEqual({ key: 'results', isDescending: true });
  });
});

describe('committeeSummary', () => {
  it('counts members, levels and the flagged, with the average to one decimal', () => {
    expect(committeeSummary(ROWS)).toEqual({
      members: 4,
      averageTotal: 50.5,
      byLevel: { excellent: 1, competent: 0, basic: 2, unqualified: 1 },
      flagged: 2,
    });
  });

  it('gives an average of 0 with no member', () => {
    expect(committeeSummary([]).averageTotal).toBe(0);
  });
});
