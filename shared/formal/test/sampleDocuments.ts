import type { FormalBlock, FormalDocument } from '../model';

/** A proposal with every kind of block, for tests and the benchmark. */
export function sampleProposal(title = '关于加快老旧小区加装电梯的建议'): FormalDocument {
  return {
    kind: 'proposal',
    title,
    form: [
      { label: '案由', value: title },
      { label: '提案人', value: '张委员' },
      { label: '联名人', value: '李委员、王委员' },
      { label: '界别', value: '经济界' },
      { label: '类别', value: '' },
      { label: '建议承办单位', value: '' },
    ],
    body: [
      { type: 'heading', level: 1, runs: [{ text: '一、情况分析' }] },
      {
        type: 'paragraph',
        runs: [
          { text: '全市现有老旧小区' },
          { text: '1,286', bold: true },
          { text: '个，其中六层以下无电梯住宅占' },
          { text: '七成以上', italic: true },
          { text: '，居民上下楼困难。' },
        ],
      },
      { type: 'heading', level: 2, runs: [{ text: '（一）资金来源不足' }] },
      { type: 'paragraph', runs: [{ text: '加装一部电梯约需 60 万元，业主分摊意见难以统一。' }] },
      { type: 'heading', level: 1, runs: [{ text: '二、具体建议' }] },
      {
        type: 'list',
        isOrdered: true,
        items: [
          { blocks: [{ type: 'paragraph', runs: [{ text: '设立专项补贴资金。' }] }] },
          { blocks: [{ type: 'paragraph', runs: [{ text: '简化审批流程。' }] }] },
        ],
      },
      {
        type: 'list',
        isOrdered: false,
        items: [{ blocks: [{ type: 'paragraph', runs: [{ text: '由街道牵头协调。' }] }] }],
      },
    ],
  };
}

const SENTENCE = '调研组深入街道社区、企业园区和农村合作社，听取基层干部群众的意见建议，梳理存在的突出问题。';

/** A research report of about `characters` Chinese characters in sections of ten paragraphs. */
export function sampleReport(characters: number): FormalDocument {
  const body: FormalBlock[] = [];
  const paragraphText = SENTENCE.repeat(4);
  const paragraphs = Math.ceil(characters / paragraphText.length);
  for (let index = 0; index < paragraphs; index += 1) {
    if (index % 10 === 0) {
      body.push({ type: 'heading', level: 1, runs: [{ text: `第${index / 10 + 1}部分` }] });
    }
    body.push({ type: 'paragraph', runs: [{ text: paragraphText }] });
  }
  return {
    kind: 'research_report',
    title: '关于我市数字经济发展情况的调研报告',
    form: [
      { label: '调研主题', value: '数字经济发展' },
      { label: '调研时间', value: '2026年5月' },
      { label: '调研地点', value: '高新区、经开区' },
      { label: '参加人员', value: '张委员、李委员' },
    ],
    body,
  };
}
