import { DocKind } from '../index';
import { DemoGroup } from './committee';
import type { DemoDraft } from './drafts';

/**
 * What became of the demo's proposals after review: the office's decision and, for a filed one,
 * its hand-over, answers and ratings, so that the desk, a unit's home and the 办理 tab have
 * something real to show. Every name and figure is made up.
 */

/** The county's departments that answer proposals. */
export const DEMO_UNITS = [
  '县发展和改革局',
  '县教育局',
  '县卫生健康局',
  '县交通运输局',
  '县水利局',
  '县农业农村局',
  '县民政局',
  '县住房和城乡建设局',
] as const;

/** One account per unit the demo's handling involves. */
export const DEMO_UNIT_ACCOUNTS: readonly { username: string; name: string; unit: (typeof DEMO_UNITS)[number] }[] = [
  { username: 'shuiliju', name: '水利局联络员', unit: '县水利局' },
  { username: 'jiaotongju', name: '交通局联络员', unit: '县交通运输局' },
  { username: 'jiaoyuju', name: '教育局联络员', unit: '县教育局' },
  { username: 'weijianju', name: '卫健局联络员', unit: '县卫生健康局' },
  { username: 'nongyeju', name: '农业农村局联络员', unit: '县农业农村局' },
];

export const DEMO_SESSIONS = { last: '十五届三次会议', current: '十五届四次会议' } as const;

type Unit = (typeof DEMO_UNITS)[number];

/** A step of the demo's handling, in order. */
export type DemoHandlingStep =
  | {
      readonly do: 'handover';
      readonly mode: 'lead' | 'separate';
      readonly units: readonly Unit[];
      readonly overdue?: boolean;
    }
  | { readonly do: 'accept'; readonly unit: Unit }
  | { readonly do: 'opinion'; readonly unit: Unit; readonly text: string }
  | { readonly do: 'answer'; readonly unit: Unit; readonly answerClass: 'A' | 'B' | 'C'; readonly text: string }
  | {
      readonly do: 'rate';
      readonly result: 'satisfied' | 'basically_satisfied' | 'unsatisfied';
      readonly comment: string;
    }
  | { readonly do: 'message'; readonly by: 'proposer' | Unit; readonly text: string };

export interface DemoDecided extends DemoDraft {
  /** Approved and waiting (`approved`), or the office's decision in a session. */
  readonly decision:
    | { readonly kind: 'approved' }
    | { readonly kind: 'filed'; readonly session: keyof typeof DEMO_SESSIONS; readonly isKey?: boolean }
    | { readonly kind: 'not_filed'; readonly reason: string; readonly conversion: 'opinion' | 'letter' };
  readonly handling?: readonly DemoHandlingStep[];
}

export const DEMO_DECIDED: readonly DemoDecided[] = [
  {
    kind: DocKind.proposal,
    group: DemoGroup.chengguan,
    title: '关于推进城区老旧小区雨污分流改造的建议',
    createdBy: 'huangyulan',
    coAuthors: ['gaofeng'],
    sections: {
      案由: ['建议分批推进城区老旧小区雨污分流改造，解决汛期积水和污水外溢问题。'],
      情况分析: [
        '城区建成于2000年以前的老旧小区共37个，排水管网多为雨污合流，管径偏小，汛期积水、污水外溢时有发生，群众反映强烈。',
      ],
      具体建议: [
        '一是摸清底数，编制城区老旧小区雨污分流改造三年计划。',
        '二是将雨污分流与老旧小区综合改造统筹实施，避免道路反复开挖。',
      ],
    },
    decision: { kind: 'filed', session: 'last', isKey: true },
    handling: [
      { do: 'handover', mode: 'lead', units: ['县水利局', '县交通运输局'] },
      { do: 'accept', unit: '县水利局' },
      { do: 'opinion', unit: '县交通运输局', text: '同意由县水利局牵头，本局负责配合做好道路开挖审批和交通疏导。' },
      { do: 'message', by: '县水利局', text: '黄委员您好，我们拟于下周二到城关镇实地查看，方便时请一同前往。' },
      { do: 'message', by: 'proposer', text: '好的，周二上午我在镇里。' },
      {
        do: 'answer',
        unit: '县水利局',
        answerClass: 'B',
        text: '已将城区老旧小区雨污分流改造列入明年计划，先行实施积水最严重的6个小区。',
      },
      { do: 'rate', result: 'unsatisfied', comment: '其余31个小区没有时间表。' },
      {
        do: 'answer',
        unit: '县水利局',
        answerClass: 'B',
        text: '已编制三年改造计划，37个小区分三批实施，明年完成首批12个，资金纳入年度预算。',
      },
      { do: 'rate', result: 'satisfied', comment: '' },
    ],
  },
  {
    kind: DocKind.proposal,
    group: DemoGroup.education,
    title: '关于加强中小学校园周边交通安全管理的建议',
    createdBy: 'hujingwen',
    coAuthors: [],
    sections: {
      案由: ['建议加强中小学校园周边交通安全设施建设和上下学时段管理。'],
      情况分析: ['城区12所中小学中有7所位于主干道旁，上下学时段接送车辆集中，人车混行，存在安全隐患。'],
      具体建议: ['一是在校门口增设护学岗和限速标志。', '二是错峰放学，设置临时停车接送区。'],
    },
    decision: { kind: 'filed', session: 'last' },
    handling: [
      { do: 'handover', mode: 'separate', units: ['县交通运输局', '县教育局'] },
      {
        do: 'answer',
        unit: '县交通运输局',
        answerClass: 'A',
        text: '已在7所学校周边增设限速标志和减速带，设置临时停车接送区5处。',
      },
      { do: 'answer', unit: '县教育局', answerClass: 'A', text: '已指导各校实行错峰放学，并联合公安交警设立护学岗。' },
      { do: 'rate', result: 'satisfied', comment: '' },
    ],
  },
  {
    kind: DocKind.proposal,
    group: DemoGroup.health,
    title: '关于提升乡镇卫生院急救能力的建议',
    createdBy: 'gaofeng',
    coAuthors: ['luoshuzhen'],
    sections: {
      案由: ['建议为乡镇卫生院配齐急救设备和人员，缩短农村急救响应时间。'],
      情况分析: ['全县14个乡镇卫生院中仅5个配备救护车，偏远乡镇急救平均到达时间超过40分钟。'],
      具体建议: ['一是分两年为乡镇卫生院配齐负压救护车。', '二是开展乡村医生急救技能轮训。'],
    },
    decision: { kind: 'filed', session: 'current' },
    handling: [{ do: 'handover', mode: 'lead', units: ['县卫生健康局'] }],
  },
  {
    kind: DocKind.proposal,
    group: DemoGroup.agriculture,
    title: '关于规范农村集体资金管理的建议',
    createdBy: 'liangshuping',
    coAuthors: [],
    sections: {
      案由: ['建议健全农村集体资金监管制度，推行村级财务公开。'],
      情况分析: ['部分村集体资金收支记录不全，村民对财务公开的内容和频次不满意。'],
      具体建议: ['一是推行村级财务网上公开。', '二是每年开展一次村级财务专项审计。'],
    },
    decision: { kind: 'filed', session: 'current' },
    handling: [
      { do: 'handover', mode: 'lead', units: ['县农业农村局'], overdue: true },
      { do: 'accept', unit: '县农业农村局' },
    ],
  },
  {
    kind: DocKind.proposal,
    group: DemoGroup.agriculture,
    title: '关于发展林下经济促进山区群众增收的建议',
    createdBy: 'xiehongjun',
    coAuthors: [],
    sections: {
      案由: ['建议因地制宜发展林下种植、养殖，带动山区群众增收。'],
      情况分析: ['我县林地面积占国土面积六成以上，林下经济仍处于起步阶段。'],
      具体建议: ['一是编制林下经济发展规划。', '二是对林下种养大户给予贴息贷款支持。'],
    },
    decision: { kind: 'approved' },
  },
  {
    kind: DocKind.proposal,
    group: DemoGroup.economy,
    title: '关于调整县城出租车运价的建议',
    createdBy: 'sunjianhua',
    coAuthors: [],
    sections: {
      案由: ['建议调整县城出租车起步价。'],
      情况分析: ['县城出租车运价多年未调整。'],
      具体建议: ['建议起步价由5元调整为6元。'],
    },
    decision: { kind: 'not_filed', reason: '属于价格听证事项，已转有关部门研究', conversion: 'letter' },
  },
];
