import { type MemberYearAnswer, memberYearSchema } from '../../api/duty';
import { emptyDutyBook } from '../../domain/dutyBook';
import { PRESET_100 } from '../../domain/dutyPresets';
import { type DutyFact, scoreYear } from '../../domain/dutyScoring';
import type { UserId } from '../../domain/ids';

/**
 * A member's busy year for the 登记表's tests: meetings attended, excused and missed, proposals as
 * first proposer and co-signer, reports adopted and instructed, discussion, a share of a text and
 * an external fact with its evidence. Under the 100-point preset it scores 35 + 30 = 65, 称职.
 */
export const MEMBER_ID = '0b6f1c2a-5d4e-4f3a-9b8c-7d6e5f4a3b2c' as UserId;
const CONVENER_ID = '1c7a2d3b-6e5f-4a4b-8c9d-8e7f6a5b4c3d' as UserId;

/** 10:00 in Beijing on the day given. */
export const beijing = (month: number, day: number) => Date.UTC(2026, month - 1, day, 2);

let next = 0;
function fact(
  at: number,
  source: { type: 'activity' | 'document' | 'manual'; id: string },
  body: Record<string, unknown>,
): DutyFact {
  next += 1;
  return { id: `fact-${next}`, userId: MEMBER_ID, at, source, ...body } as DutyFact;
}

const activity = (id: string, kind: string, presence: string, at: number) =>
  fact(at, { type: 'activity', id }, { kind: 'attendance', activityKind: kind, presence });
const documentFact = (id: string, at: number, body: Record<string, unknown>) =>
  fact(at, { type: 'document', id }, body);
const proposal = { isKey: false, isExcellent: false, answerClass: null };

const TITLES: Record<string, string> = {
  a1: '市政协十四届五次全体会议',
  a2: '十四届常委会第十二次会议',
  a3: '十四届常委会第十四次会议',
  a4: '十四届常委会第十五次会议',
  a5: '优化营商环境专题协商会',
  a6: '老旧小区改造项目视察',
  a7: '养老服务体系建设调研',
  a8: '第一活动组学习交流',
  a9: '第一活动组专题座谈',
  a10: '新任委员履职能力培训',
  d1: '关于加快老旧小区加装电梯的提案',
  d2: '关于规范共享单车停放的提案',
  d3: '关于加强社区医疗服务的提案',
  d4: '关于农村快递末端网点建设的建议',
  d5: '关于中小学课后服务情况的反映',
  d6: '关于我市养老服务体系建设的调研报告',
  x1: '在全体会议上作大会发言',
};

function sampleFacts(): DutyFact[] {
  return [
    activity('a1', 'plenary', 'attended', beijing(1, 12)),
    documentFact('d1', beijing(2, 20), {
      kind: 'proposal',
      ...proposal,
      role: 'first',
      outcome: 'filed',
      isKey: true,
      answerClass: 'B',
    }),
    documentFact('d2', beijing(2, 22), { kind: 'proposal', ...proposal, role: 'first', outcome: 'not_filed' }),
    documentFact('d3', beijing(2, 25), {
      kind: 'proposal',
      ...proposal,
      role: 'cosigner',
      outcome: 'filed',
      answerClass: 'A',
    }),
    documentFact('d1', beijing(2, 26), { kind: 'text_share', chars: 1250, total: 2000 }),
    documentFact('d3', beijing(2, 27), { kind: 'comments', count: 12 }),
    documentFact('d1', beijing(2, 28), { kind: 'comments', count: 3 }),
    documentFact('d3', beijing(3, 1), { kind: 'reviews', count: 4 }),
    fact(beijing(3, 8), { type: 'manual', id: 'x1' }, { kind: 'external', points: 5, note: TITLES.x1 }),
    activity('a8', 'group', 'attended', beijing(3, 15)),
    activity('a2', 'standing', 'attended', beijing(4, 20)),
    documentFact('d4', beijing(4, 28), { kind: 'social_info', adoptedLevel: 'national' }),
    documentFact('d5', beijing(5, 6), { kind: 'social_info', adoptedLevel: null }),
    activity('a6', 'inspection', 'attended', beijing(5, 8)),
    activity('a10', 'training', 'attended', beijing(5, 20)),
    activity('a5', 'consultation', 'attended', beijing(6, 10)),
    activity('a7', 'research', 'attended', beijing(7, 2)),
    activity('a3', 'standing', 'attended', beijing(7, 21)),
    documentFact('d6', beijing(8, 1), { kind: 'research_report' }),
    activity('a4', 'standing', 'excused', beijing(8, 18)),
    documentFact('d6', beijing(9, 3), { kind: 'instruction' }),
    activity('a9', 'group', 'absent', beijing(9, 9)),
  ];
}

export const SAMPLE_SUMMARY = [
  '本年度认真履行委员职责，按时参加全体会议和常委会议，围绕老旧小区改造、养老服务等民生问题深入调研。',
  '提交提案两件，其中一件被列为重点提案；报送社情民意信息两篇，一篇被全国政协采用。',
  '今后将进一步加强学习，提高建言资政的质量。',
].join('\n');

/** The year as `GET /api/duty/members/:userId` answers it (checked by its schema), confirmed by the convener. */
export function sampleDutyYear(): MemberYearAnswer {
  const facts = sampleFacts();
  const book = emptyDutyBook(MEMBER_ID, 2026);
  return memberYearSchema.parse({
    year: 2026,
    member: { id: MEMBER_ID, name: '张三', groupNames: ['经济界', '第一活动组'] },
    facts,
    titles: TITLES,
    score: scoreYear(facts, PRESET_100),
    rules: PRESET_100,
    closedResult: null,
    book: {
      ...book,
      summary: SAMPLE_SUMMARY,
      state: 'convener_confirmed',
      submittedAt: beijing(12, 10),
      convenerConfirmation: { by: CONVENER_ID, at: beijing(12, 15) },
      externalFacts: [
        {
          id: 'x1',
          at: beijing(3, 8),
          points: 5,
          note: TITLES.x1 ?? '',
          evidence: '大会秘书处简报第5期',
          recordedBy: CONVENER_ID,
          recordedAt: beijing(3, 9),
        },
      ],
      version: 3,
    },
    may: { write: false, confirmAsConvener: false, confirmAsOffice: true, recordFacts: true, talk: true },
  });
}
