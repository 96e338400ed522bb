import { describe, expect, it } from 'vitest';
import { sampleProposal } from './test/sampleDocuments';
import { toMarkdown } from './toMarkdown';

describe('toMarkdown', () => {
  it('prints the title, the form block as a table, headings one level below the title and marks', () => {
    const markdown = toMarkdown(sampleProposal());
    expect(markdown).toContain('# 关于加快老旧小区加装电梯的建议\n');
    expect(markdown).toContain('| 提案 | |\n| --- | --- |\n| 案由 | 关于加快老旧小区加装电梯的建议 |');
    expect(markdown).toContain('| 建议承办单位 |  |');
    expect(markdown).toContain('## 一、情况分析');
    expect(markdown).toContain('### （一）资金来源不足');
    expect(markdown).toContain('全市现有老旧小区**1,286**个，其中六层以下无电梯住宅占*七成以上*，');
    expect(markdown).toContain('1. 设立专项补贴资金。\n2. 简化审批流程。');
    expect(markdown).toContain('- 由街道牵头协调。');
    expect(markdown.endsWith('\n')).toBe(true);
  });

  it('escapes Markdown syntax in the text and keeps spaces outside marks', () => {
    const markdown = toMarkdown({
      kind: 'social_info',
      title: '# 标题',
      form: [],
      body: [
        { type: 'paragraph', runs: [{ text: '1. 不是列表 *星号* ' }, { text: ' 强调 ', bold: true }] },
        { type: 'paragraph', runs: [{ text: '第一行\n第二行' }] },
        { type: 'table', rows: [[[{ text: 'a|b' }], [{ text: '值' }]], [[{ text: '1' }]]] },
      ],
    });
    expect(markdown).toBe(
      '# \\# 标题\n\n1\\. 不是列表 \\*星号\\*  **强调** \n\n第一行\\\n第二行\n\n| a\\|b | 值 |\n| --- | --- |\n| 1 |  |\n',
    );
  });
});
