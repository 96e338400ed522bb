import { createInstance, type TFunction } from 'i18next';
import { describe, expect, it } from 'vitest';
import { computeFigures } from '../../../shared/domain/figures';
import { en } from '../../app/i18n/en';
import { zhCN } from '../../app/i18n/zh-CN';
import { reportCsv } from '../../core/export';
import { figuresTables, percentText } from './figuresTables';

async function tOf(lng: 'zh-CN' | 'en'): Promise<TFunction> {
  const i18n = createInstance();
  await i18n.init({
    lng,
    resources: { 'zh-CN': { translation: zhCN }, en: { translation: en } },
    interpolation: { escapeValue: false },
  });
  return i18n.t;
}

const EMPTY = computeFigures({
  records: [
    {
      id: 'd0000000-0000-4000-8000-000000000001',
      kind: 'proposal',
      groupId: null,
      status: 'approved',
      isArchived: false,
      createdBy: null,
      fields: { category: 'gone' },
    },
  ],
  cases: [],
  units: [],
  groups: [],
  categories: [],
  sessionId: null,
  currentSessionId: null,
  now: 0,
});

describe('figuresTables', () => {
  it('prints rates to one decimal, and "—" when there is nothing to divide by', () => {
    expect(percentText(2 / 3)).toBe('66.7%');
    expect(percentText(1)).toBe('100.0%');
    expect(percentText(0)).toBe('0.0%');
    expect(percentText(null)).toBe('—');
  });

  it('titles the tables in Chinese, names a deleted category and a missing group, in the order the page shows them', async () => {
    const tables = figuresTables(EMPTY, await tOf('zh-CN'));
    expect(tables.map((table) => table.title)).toEqual([
      '总体情况',
      '按类别统计',
      '按界别小组统计',
      '交办单位数分布',
      '承办单位办理情况',
    ]);
    expect(tables[1]?.rows).toEqual([['（已删除的类别）', 1, 0, 0, 0, 1]]);
    expect(tables[2]?.rows).toEqual([['无小组', 1, 0, 0, 0, 1]]);
    expect(reportCsv(tables)).toContain('\r\n办复率,—\r\n');
  });

  it('has the same tables in English', async () => {
    const tables = figuresTables(EMPTY, await tOf('en'));
    expect(tables[0]?.header).toEqual(['Item', 'Value']);
    expect(tables[0]?.rows[0]).toEqual(['Received', 1]);
  });
});
