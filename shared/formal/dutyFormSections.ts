import type { MemberYearAnswer } from '../api/duty';
import { parseDutyFacts } from '../api/parseDutyFacts';
import type { ActivityKind, DutyFact } from '../domain/dutyScoring';
import {
  ACTIVITY_KIND_LABELS,
  ACTIVITY_KINDS_ON_FORM,
  ADOPTION_LEVEL_LABELS,
  chineseMonthDay,
  DUTY_LEVEL_LABELS,
  MEETING_KINDS,
  MINIMUM_GAP_LABELS,
  PRESENCE_LABELS,
  PROPOSAL_OUTCOME_LABELS,
  PROPOSAL_ROLE_LABELS,
  RULE_KEY_LABELS,
  scoreText,
} from './dutyFormText';

/**
 * The 登记表's blocks as plain rows of text, before any docx: each block a label in the first
 * column and rows whose cells span the form's five other columns (`FORM_COLUMNS`).
 */

/** The columns right of the block's label: kind, three counts, details. */
export const FORM_COLUMNS = 5;

export interface DutyFormCell {
  readonly lines: readonly string[];
  /** How many of the five columns it covers. */
  readonly span: number;
  readonly isLabel?: boolean;
  /** A count or a score: centred in its cell. */
  readonly isCentred?: boolean;
}

export interface DutyFormSection {
  readonly label: string;
  readonly rows: readonly (readonly DutyFormCell[])[];
}

const label = (text: string, span = 1): DutyFormCell => ({ lines: [text], span, isLabel: true });
const value = (lines: string | readonly string[], span = 1): DutyFormCell => ({
  lines: typeof lines === 'string' ? [lines] : lines,
  span,
});
const figure = (text: string): DutyFormCell => ({ lines: [text], span: 1, isCentred: true });
const whole = (text: string): DutyFormCell[] => [value(text, FORM_COLUMNS)];

/** A fact's source as the form names it: its title, else its id. */
function titleOf(answer: MemberYearAnswer, fact: DutyFact): string {
  return answer.titles[fact.source.id] ?? fact.source.id;
}

function attendanceSection(
  answer: MemberYearAnswer,
  facts: readonly DutyFact[],
  heading: string,
  kinds: readonly ActivityKind[],
): DutyFormSection {
  const rows = kinds.map((kind) => {
    const of = facts.flatMap((fact) => (fact.kind === 'attendance' && fact.activityKind === kind ? [fact] : []));
    const count = (presence: keyof typeof PRESENCE_LABELS) => String(of.filter((f) => f.presence === presence).length);
    const details = of.map((fact) => {
      const mark = fact.presence === 'attended' ? '' : `（${PRESENCE_LABELS[fact.presence]}）`;
      return `${chineseMonthDay(fact.at)} ${titleOf(answer, fact)}${mark}`;
    });
    return [
      label(ACTIVITY_KIND_LABELS[kind]),
      figure(count('attended')),
      figure(count('excused')),
      figure(count('absent')),
      value(details),
    ];
  });
  return {
    label: heading,
    rows: [[label('类别'), label('出席'), label('请假'), label('缺席'), label('日期及名称')], ...rows],
  };
}

function proposalStatus(fact: Extract<DutyFact, { kind: 'proposal' }>): string {
  const parts: string[] = [PROPOSAL_ROLE_LABELS[fact.role], PROPOSAL_OUTCOME_LABELS[fact.outcome]];
  if (fact.isKey) {
    parts.push('重点提案');
  }
  if (fact.isExcellent) {
    parts.push('优秀提案');
  }
  if (fact.answerClass !== null) {
    parts.push(`答复${fact.answerClass}类`);
  }
  return parts.join('；');
}

function proposalSection(answer: MemberYearAnswer, facts: readonly DutyFact[]): DutyFormSection {
  const proposals = facts.flatMap((fact) => (fact.kind === 'proposal' ? [fact] : []));
  const first = proposals.filter((fact) => fact.role === 'first');
  const cosigned = proposals.filter((fact) => fact.role === 'cosigner');
  const filed = (of: typeof proposals) => of.filter((fact) => fact.outcome === 'filed').length;
  const summary =
    `第一提案人 ${first.length} 件（立案 ${filed(first)} 件，其中重点 ${first.filter((f) => f.isKey).length} 件、` +
    `优秀 ${first.filter((f) => f.isExcellent).length} 件）；附议 ${cosigned.length} 件（立案 ${filed(cosigned)} 件）`;
  const rows = proposals.map((fact) => [value(titleOf(answer, fact), 4), value(proposalStatus(fact))]);
  return {
    label: '提交提案情况',
    rows: [whole(summary), ...(rows.length === 0 ? [] : [[label('提案题目', 4), label('身份及办理情况')], ...rows])],
  };
}

function socialInfoSection(answer: MemberYearAnswer, facts: readonly DutyFact[]): DutyFormSection {
  const reports = facts.flatMap((fact) => (fact.kind === 'social_info' ? [fact] : []));
  const adopted = (['national', 'province', 'city'] as const).map(
    (level) => `${ADOPTION_LEVEL_LABELS[level]} ${reports.filter((f) => f.adoptedLevel === level).length} 篇`,
  );
  const rows = reports.map((fact) => [
    value(titleOf(answer, fact), 4),
    value(fact.adoptedLevel === null ? '未采用' : `${ADOPTION_LEVEL_LABELS[fact.adoptedLevel]}采用`),
  ]);
  return {
    label: '社情民意信息',
    rows: [whole(`报送 ${reports.length} 篇；被采用：${adopted.join('、')}`), ...rows],
  };
}

function researchSection(answer: MemberYearAnswer, facts: readonly DutyFact[]): DutyFormSection {
  const reports = facts.filter((fact) => fact.kind === 'research_report');
  const instructions = facts.filter((fact) => fact.kind === 'instruction');
  const rows = [
    ...reports.map((fact) => [value(titleOf(answer, fact), 4), value('调研报告')]),
    ...instructions.map((fact) => [value(titleOf(answer, fact), 4), value(`领导批示（${chineseMonthDay(fact.at)}）`)]),
  ];
  return {
    label: '调研报告及领导批示',
    rows: [whole(`调研报告 ${reports.length} 篇；获领导批示 ${instructions.length} 次`), ...rows],
  };
}

function discussionSection(answer: MemberYearAnswer, facts: readonly DutyFact[]): DutyFormSection {
  const comments = facts.flatMap((fact) => (fact.kind === 'comments' ? [fact] : []));
  const reviews = facts.flatMap((fact) => (fact.kind === 'reviews' ? [fact] : []));
  const shares = facts.flatMap((fact) => (fact.kind === 'text_share' && fact.total > 0 ? [fact] : []));
  const sum = (of: readonly { count: number }[]) => of.reduce((total, fact) => total + fact.count, 0);
  const rows = shares.map((fact) => [
    value(titleOf(answer, fact), 4),
    value(`${scoreText((fact.chars * 100) / fact.total)}%（${fact.chars}/${fact.total} 字）`),
  ]);
  return {
    label: '参与讨论及文稿贡献',
    rows: [
      [label('参与讨论'), value(`发表意见 ${sum(comments)} 条，涉及文稿 ${comments.length} 件`, 4)],
      [label('参与审阅'), value(`审阅 ${sum(reviews)} 次，涉及文稿 ${reviews.length} 件`, 4)],
      ...(rows.length === 0 ? [] : [[label('文稿贡献', 4), label('执笔占比')], ...rows]),
    ],
  };
}

function externalSection(answer: MemberYearAnswer, facts: readonly DutyFact[]): DutyFormSection {
  const rows = facts.flatMap((fact) => {
    if (fact.kind !== 'external') {
      return [];
    }
    const evidence = answer.book.externalFacts.find((each) => each.id === fact.source.id)?.evidence ?? '';
    return [
      [
        value(chineseMonthDay(fact.at)),
        value(fact.note, 3),
        value([`证明材料：${evidence === '' ? '无' : evidence}`, `计 ${scoreText(fact.points)} 分`]),
      ],
    ];
  });
  return {
    label: '其他履职情况',
    rows: rows.length === 0 ? [whole('无')] : [[label('日期'), label('事项', 3), label('证明材料及计分')], ...rows],
  };
}

/** Each line of the score: its item, how many facts, its points, and what the item's cap held back. */
function scoreLines(answer: MemberYearAnswer): string {
  const lines = answer.score.lines.map((line) => {
    const held = line.raw === line.points ? '' : `（超出上限 ${scoreText(line.raw - line.points)} 分未计）`;
    return `${RULE_KEY_LABELS[line.key]} ${line.factIds.length} 项 ${scoreText(line.points)} 分${held}`;
  });
  return lines.length === 0 ? '无' : lines.join('；');
}

/** 量化考核: the kept result of a closed year, else the score under the year's rules now. */
export function scoreSection(answer: MemberYearAnswer): DutyFormSection {
  const result = answer.closedResult ?? answer.score;
  const minimum =
    result.missing.length === 0
      ? '已达到'
      : `未达到：${result.missing.map((gap) => MINIMUM_GAP_LABELS[gap]).join('；')}`;
  return {
    label: '量化考核',
    rows: [
      [label('参与分'), figure(scoreText(result.participation)), label('成果分', 2), figure(scoreText(result.results))],
      [label('总分'), figure(scoreText(result.total)), label('考核等次', 2), figure(DUTY_LEVEL_LABELS[result.level])],
      [label('三个一'), value(minimum, 4)],
      [label('计分明细'), value(scoreLines(answer), 4)],
    ],
  };
}

/** The blocks of facts, in the paper form's order; the score, summary and signatures follow them. */
export function dutyFactSections(answer: MemberYearAnswer): DutyFormSection[] {
  const facts = parseDutyFacts(answer.facts);
  return [
    attendanceSection(answer, facts, '参加会议情况', MEETING_KINDS),
    attendanceSection(answer, facts, '参加活动情况', ACTIVITY_KINDS_ON_FORM),
    proposalSection(answer, facts),
    socialInfoSection(answer, facts),
    researchSection(answer, facts),
    discussionSection(answer, facts),
    externalSection(answer, facts),
  ];
}
