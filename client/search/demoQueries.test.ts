import { beforeAll, describe, expect, it } from 'vitest';
import { DemoGroup } from '../../shared/demo/committee';
import { DocKind } from '../../shared/domain/documentSchema';
import { SearchIndex } from './SearchIndex';
import { entryOf } from './searchSource';
import { sourceOf } from './test/corpus';
import { demoId, demoSources } from './test/demoDocs';
import { generateDocs } from './test/generatedDocs';
import type { QueryCase } from './test/queryCase';

/**
 * Queries a member would type over the demo committee's documents (`npm run demo`), among 60
 * generated ones of the same length that hold none of the words.
 */
const CASES: readonly QueryCase[] = [
  // Two-character words, some sharing a character with a word of another document.
  { query: '养老', must: ['互助养老', '留守老人生活'], mustNot: ['融资难', '出租车', '校车'] },
  { query: '校车', must: ['校车安全'], mustNot: ['出租车', '林下经济'] },
  { query: '电梯', must: ['加装电梯'], mustNot: ['雨污分流', '电子商务', '电动自行车'] },
  { query: '电商', must: ['电子商务'], mustNot: ['电动自行车', '加装电梯'] },
  { query: '充电', must: ['电动自行车'], mustNot: ['电子商务', '加装电梯'] },
  { query: '融资', must: ['融资难'], mustNot: ['集体资金'] },
  { query: '非遗', must: ['非物质文化遗产'], mustNot: ['集体资金', '人才队伍'] },
  { query: '医生', must: ['人才队伍', '基层医生流失', '急救能力'], mustNot: ['出租车', '加装电梯'] },
  { query: '饮水', must: ['饮水工程'], mustNot: ['雨污分流'] },
  { query: '雨污', must: ['雨污分流'], mustNot: ['饮水工程'] },
  { query: '担保', must: ['融资难'], mustNot: ['林下经济'] },
  { query: '消防', must: ['电动自行车'], mustNot: ['加装电梯'] },
  { query: '水质', must: ['饮水工程'], mustNot: ['雨污分流'] },
  { query: '运价', must: ['出租车'], mustNot: ['校车'] },
  { query: '物业', must: ['加装电梯', '电动自行车'], mustNot: ['雨污分流', '饮水工程'] },
  { query: '交通', must: ['校车安全', '校园周边'], mustNot: ['饮水工程'] },
  // Longer words, and words of several characters that share characters with others.
  { query: '留守老人', must: ['互助养老', '留守老人生活'], mustNot: ['加装电梯', '电动自行车'] },
  { query: '卫生院', must: ['基层医生流失', '急救能力', '互助养老'], mustNot: ['校车安全'] },
  { query: '出租车', must: ['出租车'], mustNot: ['校车安全'] },
  { query: '林下经济', must: ['林下经济'], mustNot: ['融资难'] },
  { query: '集体资金', must: ['集体资金'], mustNot: ['融资难'] },
  { query: '时间银行', must: ['互助养老'], mustNot: ['出租车', '林下经济'] },
  { query: '传承人', must: ['非物质文化遗产'], mustNot: ['人才队伍'] },
  { query: '非物质文化遗产', must: ['非物质文化遗产'], mustNot: ['电子商务'] },
  // Filters.
  {
    query: '农村',
    filters: { kind: DocKind.researchReport },
    must: ['留守老人生活', '非物质文化遗产'],
    mustNot: ['互助养老', '校车安全', '饮水工程'],
  },
  { query: '农村', filters: { status: 'filed' }, must: ['急救能力', '集体资金'], mustNot: ['互助养老', '林下经济'] },
  { query: '农村', filters: { groupId: DemoGroup.hekou }, must: ['饮水工程'], mustNot: ['集体资金', '校车安全'] },
  { query: '医生', filters: { kind: DocKind.socialInfo }, must: ['基层医生流失'], mustNot: ['人才队伍', '急救能力'] },
];

describe('search over the demo committee’s documents', () => {
  let index: SearchIndex;
  beforeAll(() => {
    index = new SearchIndex();
    for (const source of [...demoSources(), ...generateDocs(60, 1500, 11).map((doc) => sourceOf(doc))]) {
      index.put(entryOf(source));
    }
  });

  it.each(CASES)('$query $filters: finds what it must and nothing it must not', ({ query, filters, must, mustNot }) => {
    const found = index.search(query, filters).map((hit) => hit.id);
    expect(found).toEqual(expect.arrayContaining(must.map(demoId)));
    for (const part of mustNot) {
      expect(found).not.toContain(demoId(part));
    }
    // The generated documents hold none of these words.
    expect(found.filter((id) => id.startsWith('gen-'))).toEqual([]);
  });

  it('ranks the document whose title holds the word first', () => {
    expect(index.search('出租车')[0]?.id).toBe(demoId('出租车'));
    expect(index.search('饮水')[0]?.id).toBe(demoId('饮水工程'));
    expect(index.search('融资')[0]?.id).toBe(demoId('融资难'));
  });
});
