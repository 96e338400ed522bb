import i18next from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { newDocId } from '../../../shared';
import { en } from '../../app/i18n/en';
import { zhCN } from '../../app/i18n/zh-CN';
import { OutboxOp } from '../../core/outbox';
import { reviewProblemText } from './problemText';

beforeAll(async () => {
  await i18next.init({
    resources: { 'zh-CN': { translation: zhCN }, en: { translation: en } },
    lng: 'zh-CN',
    interpolation: { escapeValue: false },
  });
});

const conflict = {
  id: '1',
  message: 'refused',
  docId: newDocId(),
  op: OutboxOp.transition,
  code: 'conflict',
  denial: null,
  reason: null,
} as const;

describe('reviewProblemText', () => {
  const t = i18next.t.bind(i18next);

  it('P15: says a withdrawal refused while still in review came too late, not that the status moved', () => {
    expect(reviewProblemText(conflict, { action: 'withdraw', currentStatus: 'in_review' }, t)).toBe(
      '撤回提交未成功：审阅人已经开始审阅，不能再撤回；如需修改，请审阅人退回',
    );
    expect(reviewProblemText(conflict, { action: 'withdraw', currentStatus: 'returned' }, t)).toBe(
      '撤回提交未成功：文档状态已变为已退回',
    );
  });

  it('P10: names who may submit when a member who did not write the document is refused', () => {
    const refused = { ...conflict, code: 'forbidden', denial: 'not_author' };
    expect(reviewProblemText(refused, { action: 'submit', currentStatus: 'draft' }, t)).toBe(
      '提交审阅未成功：只有文档的提案人（创建者）和作者可以进行这项操作',
    );
  });
});
