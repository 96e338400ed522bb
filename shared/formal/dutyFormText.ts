import type { AdoptionLevel } from '../domain/adoptions';
import { COMMITTEE_TIME_ZONE } from '../domain/calendar';
import type { DutyFormState } from '../domain/dutyBook';
import type { ActivityKind, DutyFact, DutyLevel, MinimumGap, RuleKey } from '../domain/dutyScoring';

/**
 * The Chinese words of the duty record's printed and exported forms (the 登记表, the committee's
 * workbook): one place, so that the form, the workbook and the screens call each thing alike.
 */

/** What each activity is called on the form. */
export const ACTIVITY_KIND_LABELS: { readonly [K in ActivityKind]: string } = {
  plenary: '全体会议',
  standing: '常委会议',
  consultation: '协商会',
  inspection: '视察',
  research: '调研',
  group: '小组活动',
  training: '学习培训',
  themed_day: '主题活动日',
  public_service: '公益活动',
  studio: '委员工作室接待',
};

/** The form's two blocks of attendance, in its order: meetings (参加会议), then activities (参加活动). */
export const MEETING_KINDS: readonly ActivityKind[] = ['plenary', 'standing', 'consultation'];
export const ACTIVITY_KINDS_ON_FORM: readonly ActivityKind[] = [
  'inspection',
  'research',
  'group',
  'training',
  'themed_day',
  'public_service',
  'studio',
];

export const FACT_KIND_LABELS: { readonly [K in DutyFact['kind']]: string } = {
  attendance: '参加会议和活动',
  proposal: '提案',
  social_info: '社情民意信息',
  research_report: '调研报告',
  instruction: '领导批示',
  text_share: '文稿贡献',
  comments: '参与讨论',
  reviews: '参与审阅',
  external: '其他履职情况',
};

export const PRESENCE_LABELS = { attended: '出席', excused: '请假', absent: '缺席' } as const;

export const PROPOSAL_ROLE_LABELS = { first: '第一提案人', cosigner: '附议' } as const;

export const PROPOSAL_OUTCOME_LABELS = {
  filed: '立案',
  not_filed: '不予立案',
  merged: '并案',
  pending: '待审查',
} as const;

export const ADOPTION_LEVEL_LABELS: { readonly [K in AdoptionLevel]: string } = {
  city: '市级',
  province: '省级',
  national: '全国',
};

/** What each item of the scoring table counts (RULES.md Y1). */
export const RULE_KEY_LABELS: { readonly [K in RuleKey]: string } = {
  attend_plenary: '出席全体会议',
  attend_standing: '出席常委会议',
  attend_consultation: '出席协商会',
  attend_inspection: '参加视察',
  attend_research: '参加调研',
  attend_group: '参加小组活动',
  attend_training: '参加学习培训',
  attend_themed_day: '参加主题活动日',
  attend_public_service: '参加公益活动',
  attend_studio: '委员工作室接待',
  excused: '请假',
  absent: '缺席',
  proposal_first_filed: '提案立案（第一提案人）',
  proposal_cosigned_filed: '提案立案（附议）',
  proposal_key: '重点提案',
  proposal_excellent: '优秀提案',
  proposal_answer_ab: '提案答复A/B类',
  social_info_submitted: '报送社情民意信息',
  social_info_city: '社情民意信息市级采用',
  social_info_province: '社情民意信息省级采用',
  social_info_national: '社情民意信息全国采用',
  research_report: '调研报告',
  instruction: '领导批示',
  text_share: '文稿贡献',
  comments_given: '参与讨论',
  reviews_given: '参与审阅',
  external: '其他履职',
};

export const DUTY_LEVEL_LABELS: { readonly [K in DutyLevel]: string } = {
  excellent: '优秀',
  competent: '称职',
  basic: '基本称职',
  unqualified: '不称职',
};

/** What each gap of the minimum (三个一, Y4) says is missing. */
export const MINIMUM_GAP_LABELS: { readonly [K in MinimumGap]: string } = {
  plenary: '未出席全体会议',
  submissions: '未提交提案或社情民意信息',
  field_activities: '未参加视察或调研',
};

export const DUTY_FORM_STATE_LABELS: { readonly [K in DutyFormState]: string } = {
  draft: '未提交',
  submitted: '已提交，待召集人确认',
  convener_confirmed: '召集人已确认，待委员会办公室确认',
  confirmed: '已确认',
};

/** The flags of the committee's overview (`FLAGS` in shared/api/duty.ts). */
export const DUTY_FLAG_LABELS = {
  below_minimum: '三个一未达',
  inactive: '长期未履职',
  unqualified: '不称职',
  unqualified_again: '连续两年不称职',
} as const;

const DAY_PARTS = new Intl.DateTimeFormat('en-US', {
  timeZone: COMMITTEE_TIME_ZONE,
  year: 'numeric',
  month: 'numeric',
  day: 'numeric',
});

/** The moment's day in the committee's calendar, as numbers. */
function dayOf(at: number): { year: string; month: string; day: string } {
  const parts = DAY_PARTS.formatToParts(at);
  const part = (type: 'year' | 'month' | 'day') => parts.find((each) => each.type === type)?.value ?? '';
  return { year: part('year'), month: part('month'), day: part('day') };
}

/** 2026年3月1日, in the committee's time zone. */
export function chineseDate(at: number): string {
  const { year, month, day } = dayOf(at);
  return `${year}年${month}月${day}日`;
}

/** 3月1日, in the committee's time zone: a day within the form's year. */
export function chineseMonthDay(at: number): string {
  const { month, day } = dayOf(at);
  return `${month}月${day}日`;
}

/** 2026-03-01, in the committee's time zone: a day in a spreadsheet cell or a file name. */
export function isoDay(at: number): string {
  const { year, month, day } = dayOf(at);
  return `${year}-${month.padStart(2, '0')}-${day.padStart(2, '0')}`;
}

/** A score as printed: at most one decimal, no trailing zero (85, 62.5). */
export function scoreText(points: number): string {
  return String(Math.round(points * 10) / 10);
}
