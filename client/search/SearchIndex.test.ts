import { beforeAll, describe, expect, it } from 'vitest';
import { MAX_SEARCH_RESULTS, SearchIndex } from './SearchIndex';
import { entryOf } from './searchSource';
import { CORPUS, type CorpusDoc, sourceOf } from './test/corpus';
import { generateDocs } from './test/generatedDocs';
import type { QueryCase } from './test/queryCase';

const GENERATED = generateDocs(40, 1500, 7);
const ALL: readonly CorpusDoc[] = [...CORPUS, ...GENERATED];
const CORPUS_IDS = CORPUS.map((doc) => doc.id);

function build(docs: readonly CorpusDoc[]): SearchIndex {
  const index = new SearchIndex();
  for (const doc of docs) {
    index.put(entryOf(sourceOf(doc)));
  }
  return index;
}

function generatedHolding(text: string): string[] {
  return GENERATED.filter((doc) => doc.paragraphs.some((each) => typeof each === 'string' && each.includes(text))).map(
    (doc) => doc.id,
  );
}

const CASES: readonly QueryCase[] = [
  // Two-character words of the body.
  { query: '养老', must: ['doc-elderly'], mustNot: ['doc-doctors', 'doc-river', 'gen-0', 'gen-1'] },
  { query: '医生', must: ['doc-doctors'], mustNot: ['doc-elderly', 'doc-school'] },
  { query: '心理', must: ['doc-school'], mustNot: ['doc-traffic', 'doc-doctors'] },
  { query: '拥堵', must: ['doc-traffic'], mustNot: ['doc-school'] },
  { query: '学校', must: ['doc-school', 'doc-traffic'], mustNot: ['doc-elderly', 'doc-river'] },
  { query: '老人', must: ['doc-elderly'], mustNot: ['doc-doctors', 'doc-village'] },
  { query: '幸福院', must: ['doc-elderly'], mustNot: ['doc-village', 'gen-2'] },
  { query: '时间银行', must: ['doc-elderly'], mustNot: ['doc-doctors'] },
  { query: '集体经济', must: ['doc-village'], mustNot: ['doc-elderly', 'doc-traffic'] },
  { query: '河长制', must: ['doc-river'], mustNot: ['doc-village'] },
  // Words cut by formatting (bold in the middle of the word).
  { query: '助餐', must: ['doc-elderly'], mustNot: ['doc-doctors'] },
  { query: '基层医生', must: ['doc-doctors'], mustNot: ['doc-elderly', ...generatedHolding('基层')] },
  { query: '运行不正常', must: ['doc-river'], mustNot: ['doc-elderly', 'doc-doctors'] },
  // Several words narrow the search.
  { query: '养老 服务', must: ['doc-elderly'], mustNot: [...generatedHolding('服务').slice(0, 5), 'doc-doctors'] },
  { query: '服务 医院', must: [], mustNot: ['doc-elderly', 'doc-doctors'] },
  { query: '高铁', must: [], mustNot: CORPUS_IDS },
  // Comments.
  { query: '测算依据', must: ['doc-elderly'], mustNot: ['doc-doctors', 'doc-village'] },
  { query: '调查问卷', must: ['doc-village'], mustNot: ['doc-elderly'] },
  { query: '缺口', must: ['doc-doctors'], mustNot: ['doc-elderly', 'doc-school'] },
  { query: '远程会诊', must: ['doc-doctors'], mustNot: ['doc-elderly'] },
  // Fields.
  { query: '社会福利界', must: ['doc-elderly'], mustNot: ['doc-doctors'] },
  { query: '医药卫生界', must: ['doc-doctors'], mustNot: ['doc-elderly'] },
  { query: '社会建设', must: ['doc-elderly', 'doc-doctors'], mustNot: ['doc-village', 'doc-school'] },
  { query: '青石镇', must: ['doc-river'], mustNot: ['doc-village'] },
  { query: '东山镇', must: ['doc-village'], mustNot: ['doc-river'] },
  { query: '城关街道', must: ['doc-traffic'], mustNot: ['doc-school'] },
  // Titles, a single character, Latin words in any case.
  { query: '清水河', must: ['doc-river'], mustNot: ['doc-elderly'] },
  { query: '社情民意', must: ['doc-village'], mustNot: ['doc-traffic'] },
  { query: '河', must: ['doc-river'], mustNot: ['doc-school', 'doc-elderly'] },
  { query: 'WHO', must: ['doc-school'], mustNot: ['doc-traffic'] },
  { query: 'mental', must: ['doc-school'], mustNot: ['doc-elderly'] },
  // Filters by kind, status, group and year.
  { query: '建议', filters: { kind: 'research_report' }, must: ['doc-river'], mustNot: ['doc-elderly', 'doc-village'] },
  { query: '建议', filters: { status: 'filed' }, must: ['doc-village'], mustNot: ['doc-elderly', 'doc-doctors'] },
  { query: '建议', filters: { groupId: 'g-health' }, must: ['doc-doctors'], mustNot: ['doc-elderly', 'doc-school'] },
  { query: '建议', filters: { year: 2024 }, must: ['doc-traffic'], mustNot: ['doc-elderly', 'doc-village'] },
  // Generated documents among the demo ones.
  { query: '编号7号', must: ['gen-7'], mustNot: ['gen-17', 'gen-27', 'gen-37'] },
  { query: '营商环境', must: [], mustNot: CORPUS_IDS },
];

describe('search over the demo and generated documents', () => {
  let index: SearchIndex;
  beforeAll(() => {
    index = build(ALL);
  });

  it('has at least 30 queries', () => {
    expect(CASES.length).toBeGreaterThanOrEqual(30);
  });

  it.each(CASES)(
    '"$query" $filters finds what it must and nothing it must not',
    ({ query, filters, must, mustNot }) => {
      const found = index.search(query, filters).map((hit) => hit.id);
      for (const id of must) {
        expect(found, `${query} must find ${id}`).toContain(id);
      }
      for (const id of mustNot) {
        expect(found, `${query} must not find ${id}`).not.toContain(id);
      }
    },
  );

  it('returns at most a page of the many documents that match', () => {
    const holding = generatedHolding('营商环境');
    expect(index.search('营商环境')).toHaveLength(Math.min(MAX_SEARCH_RESULTS, holding.length));
  });

  it('ranks the document whose title holds the words first', () => {
    expect(index.search('养老服务')[0]?.id).toBe('doc-elderly');
    expect(index.search('清水河')[0]?.id).toBe('doc-river');
  });

  it('shows the body block that matched, with the words marked', () => {
    const [hit] = index.search('助餐');
    expect(hit?.place).toBe('body');
    // Two headings, then the second paragraph: the editor's fourth text block.
    expect(hit?.block).toBe(3);
    const marked = hit?.snippet.marks.map(([from, to]) => hit.snippet.text.slice(from, to));
    expect(marked).toEqual(['助餐']);
  });

  it('says when a comment or a field matched', () => {
    expect(index.search('测算依据')[0]).toMatchObject({ id: 'doc-elderly', place: 'comments', block: null });
    const field = index.search('青石镇')[0];
    expect(field).toMatchObject({ id: 'doc-river', place: 'fields' });
    expect(field?.snippet.text).toContain('调研地点：青石镇');
  });

  it('answers the same after being saved and loaded', () => {
    const saved = JSON.parse(JSON.stringify(index.save())) as ReturnType<SearchIndex['save']>;
    const loaded = new SearchIndex(saved);
    for (const { query, filters } of CASES) {
      // Scores are sums of floats: the same up to the last bit or so, and in the same order.
      const withoutScores = (from: SearchIndex) => from.search(query, filters).map(({ score, ...hit }) => hit);
      expect(withoutScores(loaded)).toEqual(withoutScores(index));
    }
    expect(loaded.stamps()).toEqual(index.stamps());
  });

  it('marks Latin words whatever their case', () => {
    const [hit] = index.search('who');
    expect(hit?.snippet.marks.map(([from, to]) => hit.snippet.text.slice(from, to))).toEqual(['WHO']);
  });
});

describe('keeping the index up to date', () => {
  it('replaces a changed document and forgets a removed one', () => {
    const index = build(CORPUS);
    const elderly = CORPUS[0] as CorpusDoc;
    index.put(entryOf(sourceOf({ ...elderly, paragraphs: ['改为讨论托育服务。'], comments: [] }, '2')));
    expect(index.search('幸福院').map((hit) => hit.id)).not.toContain('doc-elderly');
    expect(index.search('托育').map((hit) => hit.id)).toEqual(['doc-elderly']);
    expect(index.stamps().get('doc-elderly')).toBe('2');
    index.remove('doc-river');
    expect(index.search('清水河')).toEqual([]);
    expect(index.size).toBe(CORPUS.length - 1);
  });

  it('starts empty from a save of another format', () => {
    const saved = { ...build(CORPUS).save(), format: 0 };
    expect(new SearchIndex(saved).size).toBe(0);
  });
});
