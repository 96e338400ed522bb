import { describe, expect, it } from 'vitest';
import type { MemberYearAnswer } from '../api/duty';
import { emptyDutyBook } from '../domain/dutyBook';
import { PRESET_100 } from '../domain/dutyPresets';
import { scoreYear } from '../domain/dutyScoring';
import { buildDutyFormDocx, type DutyFormInput } from './buildDutyFormDocx';
import { TYPE_AREA_TWIPS } from './layout';
import { plainText, readDocx } from './test/readDocx';
import { beijing, MEMBER_ID, SAMPLE_SUMMARY, sampleDutyYear } from './test/sampleDutyYear';

const COMMITTEE = '政协某某市委员会';

function inputOf(answer: MemberYearAnswer, convener: string | null = '李召集人'): DutyFormInput {
  return { committeeName: COMMITTEE, answer, confirmerNames: { convener, office: null } };
}

async function textOf(input: DutyFormInput): Promise<string> {
  return plainText((await readDocx(await buildDutyFormDocx(input))).document);
}

describe('buildDutyFormDocx', () => {
  it('titles the form with the committee and the year, then the member, the groups and the state', async () => {
    const text = await textOf(inputOf(sampleDutyYear()));
    expect(text.startsWith(`${COMMITTEE}委员履行职责登记表（2026年度）`)).toBe(true);
    expect(text).toContain('姓名张三所在活动组经济界、第一活动组');
    expect(text).toContain('年度2026年填报状态召集人已确认，待委员会办公室确认（2026年12月10日提交）');
  });

  it('counts each meeting and activity kind attended, excused and absent, with its days and titles (Y1)', async () => {
    const text = await textOf(inputOf(sampleDutyYear()));
    expect(text).toContain('参加会议情况类别出席请假缺席日期及名称全体会议1001月12日 市政协十四届五次全体会议');
    expect(text).toContain('常委会议2104月20日 十四届常委会第十二次会议');
    expect(text).toContain('8月18日 十四届常委会第十五次会议（请假）');
    expect(text).toContain('小组活动1013月15日 第一活动组学习交流9月9日 第一活动组专题座谈（缺席）');
    for (const kind of ['协商会', '视察', '调研', '学习培训', '主题活动日', '公益活动', '委员工作室接待']) {
      expect(text).toContain(kind);
    }
    expect(text).toContain('委员工作室接待000');
  });

  it('lists proposals with the role, the decision, 重点 and the answer class, and the reports with their use (L1-L3)', async () => {
    const text = await textOf(inputOf(sampleDutyYear()));
    expect(text).toContain('第一提案人 2 件（立案 1 件，其中重点 1 件、优秀 0 件）；附议 1 件（立案 1 件）');
    expect(text).toContain('关于加快老旧小区加装电梯的提案第一提案人；立案；重点提案；答复B类');
    expect(text).toContain('关于规范共享单车停放的提案第一提案人；不予立案');
    expect(text).toContain('关于加强社区医疗服务的提案附议；立案；答复A类');
    expect(text).toContain('报送 2 篇；被采用：全国 1 篇、省级 0 篇、市级 0 篇');
    expect(text).toContain('关于农村快递末端网点建设的建议全国采用');
    expect(text).toContain('关于中小学课后服务情况的反映未采用');
    expect(text).toContain('调研报告 1 篇；获领导批示 1 次');
    expect(text).toContain('关于我市养老服务体系建设的调研报告领导批示（9月3日）');
  });

  it('prints discussion, the share of each text written (L4) and external facts with their evidence', async () => {
    const text = await textOf(inputOf(sampleDutyYear()));
    expect(text).toContain('参与讨论发表意见 15 条，涉及文稿 2 件');
    expect(text).toContain('参与审阅审阅 4 次，涉及文稿 1 件');
    expect(text).toContain('关于加快老旧小区加装电梯的提案62.5%（1250/2000 字）');
    expect(text).toContain('3月8日在全体会议上作大会发言证明材料：大会秘书处简报第5期计 5 分');
  });

  it('prints the score, its level, the minimum and each line of it (Y3-Y5)', async () => {
    const text = await textOf(inputOf(sampleDutyYear()));
    expect(text).toContain('量化考核参与分35成果分30总分65考核等次称职三个一已达到');
    expect(text).toContain('出席全体会议 1 项 10 分');
    expect(text).toContain('缺席 1 项 -5 分');
    expect(text).toContain('文稿贡献 1 项 2.5 分');
  });

  it('prints the summary and the convener who confirmed, with blank lines for the office to sign', async () => {
    const text = await textOf(inputOf(sampleDutyYear()));
    for (const paragraph of SAMPLE_SUMMARY.split('\n')) {
      expect(text).toContain(paragraph);
    }
    expect(text).toContain('活动组召集人意见已确认。召集人签名：李召集人　　2026年12月15日');
    expect(text).toContain('委员会办公室意见经办人签名（盖章）：　　　　　　　　　　年　　月　　日');
  });

  it('prints the office’s confirmer and day once the office confirmed the form', async () => {
    const answer = sampleDutyYear();
    const officeConfirmation = { by: MEMBER_ID, at: beijing(12, 20) };
    const book = { ...answer.book, state: 'confirmed' as const, officeConfirmation };
    const text = await textOf({
      committeeName: COMMITTEE,
      answer: { ...answer, book },
      confirmerNames: { convener: '李召集人', office: '王主任' },
    });
    expect(text).toContain('填报状态已确认（2026年12月10日提交）');
    expect(text).toContain('委员会办公室意见已确认。经办人签名（盖章）：王主任　　2026年12月20日');
  });

  it('prints the days of the committee time zone: 17:00 UTC on 31 March is 1 April in Beijing', async () => {
    const answer = sampleDutyYear();
    const first = answer.facts[0];
    if (first === undefined) {
      throw new Error('the sample has no facts');
    }
    const text = await textOf(inputOf({ ...answer, facts: [{ ...first, at: Date.UTC(2026, 2, 31, 17) }] }));
    expect(text).toContain('4月1日 市政协十四届五次全体会议');
  });

  it('prints the result kept when the year was closed, with what the minimum lacked (Y4)', async () => {
    const closedResult = {
      userId: MEMBER_ID,
      participation: 40,
      results: 28,
      total: 68,
      level: 'basic' as const,
      missing: ['plenary' as const],
    };
    const text = await textOf(inputOf({ ...sampleDutyYear(), closedResult }));
    expect(text).toContain('参与分40成果分28总分68考核等次基本称职三个一未达到：未出席全体会议');
  });

  it('prints an empty draft year with zero counts, 无 and blank lines to sign', async () => {
    const book = emptyDutyBook(MEMBER_ID, 2026);
    const answer: MemberYearAnswer = {
      ...sampleDutyYear(),
      facts: [],
      titles: {},
      score: { ...scoreYear([], PRESET_100), lines: [], missing: ['plenary', 'submissions', 'field_activities'] },
      book: { ...book, externalFacts: [], corrections: [], talks: [], reminders: [] },
    };
    const text = await textOf(inputOf(answer, null));
    expect(text).toContain('填报状态未提交');
    expect(text).toContain('全体会议000');
    expect(text).toContain('其他履职情况无');
    expect(text).toContain('总分0考核等次不称职');
    expect(text).toContain('未达到：未出席全体会议；未提交提案或社情民意信息；未参加视察或调研');
    expect(text).toContain('召集人签名：　　　　　　　　　　年　　月　　日');
  });

  it('refuses a fact that lacks the fields of its kind, naming it', async () => {
    const answer = sampleDutyYear();
    const broken = {
      id: 'broken-1',
      userId: MEMBER_ID,
      at: beijing(1, 1),
      kind: 'proposal' as const,
      source: { type: 'document' as const, id: 'd9' },
    };
    await expect(buildDutyFormDocx(inputOf({ ...answer, facts: [broken] }))).rejects.toThrow(/broken-1 \(proposal\)/);
  });

  it('lays the form on A4 as one bordered table of fixed columns the width of the type area', async () => {
    const { document } = await readDocx(await buildDutyFormDocx(inputOf(sampleDutyYear())));
    expect(document).toContain('<w:pgSz w:w="11906" w:h="16838"');
    expect(document).toContain('<w:tblLayout w:type="fixed"/>');
    expect(document.match(/<w:tbl>/g)).toHaveLength(1);
    const columns = [...document.matchAll(/<w:gridCol w:w="(\d+)"\/>/g)].map((match) => Number(match[1]));
    expect(columns).toHaveLength(6);
    expect(columns.reduce((sum, width) => sum + width, 0)).toBe(TYPE_AREA_TWIPS.width);
    expect(document).toMatch(/<w:tcBorders><w:top w:val="single"/);
    expect(document).toMatch(/w:eastAsia="黑体"[^>]*\/><w:sz w:val="21"\/>/);
    expect(document).toMatch(/w:eastAsia="仿宋_GB2312"[^>]*\/><w:sz w:val="21"\/>/);
  });
});
