import { DocKind } from '../../../shared/domain/documentSchema';
import type { CorpusDoc } from './corpus';

/** Phrases the generated documents are made of; none holds a word the query tests look for elsewhere. */
const PHRASES = [
  '进一步优化营商环境',
  '推动产业结构转型升级',
  '加强基层社会治理',
  '提升公共服务水平',
  '完善城乡基础设施',
  '促进居民收入增长',
  '强化安全生产监管',
  '推进数字政府建设',
  '加快新型城镇化步伐',
  '保障和改善民生',
  '深化重点领域改革',
  '扩大有效投资',
  '稳定就业岗位',
  '提高政务服务效率',
  '加大科技创新投入',
  '筑牢防灾减灾防线',
];
const KINDS = [DocKind.proposal, DocKind.researchReport, DocKind.socialInfo];
const STATUSES = ['draft', 'in_review', 'approved', 'filed'];
const GROUPS = ['g-economy', 'g-welfare', 'g-health'];

/** A small seeded generator (mulberry32): the same seed gives the same documents. */
function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * `count` documents of about `chars` characters each, in paragraphs of a few sentences. Document
 * `i` holds the marker 编号<i>号 in its last paragraph, so a test can find one among many.
 */
export function generateDocs(count: number, chars: number, seed = 1): CorpusDoc[] {
  const random = seeded(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;
  const docs: CorpusDoc[] = [];
  for (let i = 0; i < count; i += 1) {
    const paragraphs: string[] = [];
    let length = 0;
    while (length < chars) {
      const sentences = Array.from({ length: 3 + Math.floor(random() * 4) }, () => pick(PHRASES));
      const paragraph = `${sentences.join('，')}。`;
      paragraphs.push(paragraph);
      length += paragraph.length;
    }
    paragraphs.push(`本件为编号${i}号材料。`);
    docs.push({
      id: `gen-${i}`,
      kind: pick(KINDS),
      title: `关于${pick(PHRASES)}的意见（${i}）`,
      status: pick(STATUSES),
      groupId: pick(GROUPS),
      year: 2023 + (i % 4),
      paragraphs,
    });
  }
  return docs;
}
