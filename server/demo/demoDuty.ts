import { randomUUID } from 'node:crypto';
import { DEMO_PEOPLE, DemoGroup } from '../../shared/demo/committee';
import type { Activity, ActivityResponse, AttendanceEntry } from '../../shared/domain/activities';
import { type DutyBook, DutyFormState, emptyDutyBook } from '../../shared/domain/dutyBook';
import { ActivityKind } from '../../shared/domain/dutyScoring';
import type { GroupId, UserId } from '../../shared/index';
import { committeeYear } from '../duty/ledger';
import type { ActivityStore } from '../storage/ActivityStore';
import type { DutyStore } from '../storage/DutyStore';

/**
 * The demo committee's year of the duty record: the plenary and the standing committee's
 * meetings, inspections, research and the groups' own activities, each with its answers, leave
 * and attendance as the organiser recorded it; one coming up, with answers still arriving; a
 * member who took part in nothing (flagged, reminded, talked to); forms written, submitted and
 * confirmed; a speech recorded from outside. Every page of the duty record shows something.
 */

const DAY_MS = 24 * 60 * 60 * 1000;
const HOUR_MS = 60 * 60 * 1000;

export interface DemoDutyDeps {
  readonly activities: Pick<ActivityStore, 'createActivity'>;
  readonly duty: Pick<DutyStore, 'saveBook'>;
  readonly userId: (username: string) => UserId;
  readonly groupId: (name: string) => GroupId;
  readonly now: number;
}

interface DemoActivity {
  readonly kind: ActivityKind;
  readonly title: string;
  readonly place: string;
  /** The organising group; null for the committee's own meetings (the secretariat organises them). */
  readonly group: DemoGroup | null;
  /** Who asked for leave (approved), by username, with the reason. */
  readonly leave?: readonly (readonly [string, string])[];
  /** Who did not come without leave. */
  readonly absent?: readonly string[];
  /** Who checked in with the organiser's code rather than on the list. */
  readonly byCode?: readonly string[];
}

/** A member who took part in nothing this year: the committee page flags them. */
export const DEMO_INACTIVE = 'lvxiaoping';

const G = DemoGroup;
const YEAR_ACTIVITIES: readonly DemoActivity[] = [
  {
    kind: ActivityKind.plenary,
    title: '政协第十五届委员会第四次会议',
    place: '县会议中心',
    group: null,
    leave: [['dongbin', '出国考察']],
  },
  { kind: ActivityKind.training, title: '新任委员履职培训', place: '县委党校', group: null, absent: ['pengshulan'] },
  {
    kind: ActivityKind.research,
    title: '农村养老服务体系调研',
    place: '河口镇',
    group: G.hekou,
    byCode: ['weixiaojun'],
  },
  { kind: ActivityKind.inspection, title: '城区老旧小区改造视察', place: '城关镇', group: G.chengguan },
  { kind: ActivityKind.consultation, title: '优化营商环境专题协商会', place: '县政协三楼会议室', group: G.economy },
  {
    kind: ActivityKind.group,
    title: '教育界别委员季度座谈',
    place: '县一中',
    group: G.education,
    leave: [['hechunyan', '学校期中考试监考']],
  },
  { kind: ActivityKind.research, title: '基层医疗卫生服务能力调研', place: '东部片区卫生院', group: G.health },
  { kind: ActivityKind.themedDay, title: '委员建言日：乡村振兴', place: '西部片区', group: G.west },
  { kind: ActivityKind.standing, title: '常委会议：审议年度协商计划', place: '县政协常委会议室', group: null },
  {
    kind: ActivityKind.inspection,
    title: '农田水利设施建设视察',
    place: '农业园区',
    group: G.agriculture,
    absent: ['songjiayi'],
  },
  { kind: ActivityKind.publicService, title: '科技下乡义诊义教', place: '东部片区', group: G.science },
  { kind: ActivityKind.themedDay, title: '委员读书日：《论人民政协》', place: '县图书馆', group: G.culture },
  { kind: ActivityKind.studio, title: '委员工作室接待群众', place: '城关镇委员工作室', group: G.welfare },
  {
    kind: ActivityKind.research,
    title: '民营企业融资难调研',
    place: '工业园区',
    group: G.commerce,
    byCode: ['yuanfang'],
  },
  { kind: ActivityKind.group, title: '东部片区委员活动日', place: '东部片区', group: G.east },
  { kind: ActivityKind.consultation, title: '县城交通治理协商座谈', place: '县政协三楼会议室', group: null },
];

const COMING: DemoActivity = {
  kind: ActivityKind.inspection,
  title: '冬季安全生产视察',
  place: '工业园区',
  group: G.economy,
};

function membersOf(group: DemoGroup | null): string[] {
  return DEMO_PEOPLE.filter(
    (person) =>
      (person.role === 'member' || person.role === 'convener') && (group === null || person.groups.includes(group)),
  ).map((person) => person.username);
}

function organizerOf(group: DemoGroup | null): string {
  const convener = DEMO_PEOPLE.find(
    (person) => person.role === 'convener' && group !== null && person.groups.includes(group),
  );
  return convener?.username ?? 'zhoumin';
}

function activityOf(deps: DemoDutyDeps, plan: DemoActivity, startsAt: number, isOver: boolean): Activity {
  const invitees = membersOf(plan.group);
  const leave = new Map(plan.leave ?? []);
  const responses: ActivityResponse[] = invitees.map((username) =>
    leave.has(username)
      ? {
          userId: deps.userId(username),
          answer: 'leave',
          reason: leave.get(username) ?? '',
          at: startsAt - 3 * DAY_MS,
          leave: 'approved',
        }
      : { userId: deps.userId(username), answer: 'attend', reason: null, at: startsAt - 4 * DAY_MS, leave: null },
  );
  const attendance: AttendanceEntry[] = isOver
    ? invitees.map((username) => ({
        userId: deps.userId(username),
        presence:
          username === DEMO_INACTIVE || (plan.absent ?? []).includes(username)
            ? 'absent'
            : leave.has(username)
              ? 'excused'
              : 'attended',
        via: (plan.byCode ?? []).includes(username) ? 'code' : 'list',
        at: startsAt + HOUR_MS,
      }))
    : [];
  return {
    id: randomUUID(),
    kind: plan.kind,
    title: plan.title,
    place: plan.place,
    startsAt,
    endsAt: startsAt + 3 * HOUR_MS,
    groupId: plan.group === null ? null : deps.groupId(plan.group),
    organizerId: deps.userId(organizerOf(plan.group)),
    inviteeIds: invitees.map(deps.userId),
    // The coming one: half have answered so far, the inactive member not at all.
    responses: isOver ? responses.filter((each) => each.userId !== deps.userId(DEMO_INACTIVE)) : responses.slice(0, 2),
    attendance,
    createdAt: startsAt - 10 * DAY_MS,
    version: 1,
  };
}

function book(deps: DemoDutyDeps, username: string, year: number, patch: Partial<DutyBook>): DutyBook {
  return { ...emptyDutyBook(deps.userId(username), year), ...patch, version: 1 };
}

/** Stores the year's activities and the books; spread from early in the committee's year up to two days ago. */
export async function loadDemoDuty(deps: DemoDutyDeps): Promise<number> {
  const year = committeeYear(deps.now);
  const yearStart = Date.UTC(year, 0, 8, 1);
  const first = Math.max(yearStart, deps.now - 330 * DAY_MS);
  const last = deps.now - 2 * DAY_MS;
  const step = Math.max(HOUR_MS * 4, (last - first) / YEAR_ACTIVITIES.length);
  for (const [index, plan] of YEAR_ACTIVITIES.entries()) {
    // At 9:00 in the committee's time (UTC+8) on its day.
    const day = Math.floor((first + index * step) / DAY_MS) * DAY_MS;
    await deps.activities.createActivity(activityOf(deps, plan, day + HOUR_MS, true));
  }
  const coming = Math.floor((deps.now + 5 * DAY_MS) / DAY_MS) * DAY_MS + HOUR_MS;
  await deps.activities.createActivity(activityOf(deps, COMING, coming, false));

  const office = deps.userId('zhoumin');
  const at = deps.now - DAY_MS;
  const books = [
    book(deps, 'sunjianhua', year, {
      summary: '本年度参加全会和经济界别协商会，围绕营商环境提交提案，参与民营企业融资调研。',
      state: DutyFormState.confirmed,
      submittedAt: at - 5 * DAY_MS,
      convenerConfirmation: { by: deps.userId('chenzhiqiang'), at: at - 3 * DAY_MS },
      officeConfirmation: { by: office, at: at - DAY_MS },
      externalFacts: [
        {
          id: randomUUID(),
          at: first + HOUR_MS,
          points: 3,
          note: '全会大会发言：优化营商环境',
          evidence: '大会发言材料第5号',
          recordedBy: office,
          recordedAt: first + DAY_MS,
        },
      ],
    }),
    book(deps, 'hujingwen', year, {
      summary: '参加教育界别座谈和老旧小区改造视察，撰写社情民意信息两篇。',
      state: DutyFormState.submitted,
      submittedAt: at,
    }),
    book(deps, 'gaofeng', year, { summary: '基层医疗调研之后，正在整理调研报告。' }),
    book(deps, DEMO_INACTIVE, year, {
      reminders: [{ by: deps.userId('huangyulan'), at: at - 30 * DAY_MS, note: '请参加下月的老旧小区改造视察' }],
      talks: [
        {
          id: randomUUID(),
          at: at - 7 * DAY_MS,
          note: '召集人约谈：因工作调动未能参加活动，承诺下半年参加视察并提交提案。',
          by: deps.userId('huangyulan'),
          recordedAt: at - 7 * DAY_MS,
        },
      ],
    }),
  ];
  for (const each of books) {
    await deps.duty.saveBook(each);
  }
  return YEAR_ACTIVITIES.length + 1;
}
