import * as Y from 'yjs';
import { COMMENTS_KEY, THREADS_KEY } from '../../../shared/domain/comments';
import { writeField } from '../../../shared/domain/documentFields';
import { ContentField, DocKind } from '../../../shared/domain/documentSchema';
import type { DocStatus } from '../../../shared/domain/roles';
import type { SearchMeta, SearchSource } from '../searchSource';

/** A paragraph: a string, or pieces of which those in an array are bold. */
export type Paragraph = string | readonly (string | readonly [string])[];

/** A document of the test corpus, in the shape the committee writes them. */
export interface CorpusDoc {
  readonly id: string;
  readonly kind: DocKind;
  readonly title: string;
  readonly status?: string;
  readonly groupId?: string;
  readonly year?: number;
  readonly headings?: readonly string[];
  readonly paragraphs: readonly Paragraph[];
  readonly fields?: Readonly<Record<string, string>>;
  readonly comments?: readonly string[];
}

function paragraphOf(paragraph: Paragraph, name = 'paragraph'): Y.XmlElement {
  const element = new Y.XmlElement(name);
  const text = new Y.XmlText();
  element.insert(0, [text]);
  const pieces = typeof paragraph === 'string' ? [paragraph] : paragraph;
  let at = 0;
  for (const piece of pieces) {
    const isBold = typeof piece !== 'string';
    const value = isBold ? piece[0] : piece;
    text.insert(at, value, isBold ? { bold: true } : {});
    at += value.length;
  }
  return element;
}

/** The content update of a corpus document: title, headings then paragraphs, fields. */
export function contentUpdateOf(doc: CorpusDoc): Uint8Array {
  const ydoc = new Y.Doc();
  ydoc.transact(() => {
    ydoc.getText(ContentField.title).insert(0, doc.title);
    const body = ydoc.getXmlFragment(ContentField.body);
    const headings = (doc.headings ?? []).map((text) => {
      const heading = paragraphOf(text, 'heading');
      heading.setAttribute('level', '2');
      return heading;
    });
    body.insert(0, [...headings, ...doc.paragraphs.map((each) => paragraphOf(each))]);
    for (const [key, value] of Object.entries(doc.fields ?? {})) {
      writeField(ydoc, doc.kind, key, value);
    }
  });
  return Y.encodeStateAsUpdate(ydoc);
}

/** The comments update of a corpus document: one thread per comment. */
export function commentsUpdateOf(doc: CorpusDoc): Uint8Array {
  const ydoc = new Y.Doc();
  ydoc.transact(() => {
    const threads = ydoc.getMap<Y.Map<unknown>>(THREADS_KEY);
    (doc.comments ?? []).forEach((text, index) => {
      const thread = new Y.Map<unknown>();
      const comments = new Y.Array<Y.Map<unknown>>();
      const comment = new Y.Map<unknown>();
      comment.set('id', `c${index}`);
      comment.set('text', text);
      comment.set('isDeleted', false);
      comments.push([comment]);
      thread.set(COMMENTS_KEY, comments);
      threads.set(`t${index}`, thread);
    });
  });
  return Y.encodeStateAsUpdate(ydoc);
}

export function metaOf(doc: CorpusDoc): SearchMeta {
  return {
    title: doc.title,
    kind: doc.kind,
    status: (doc.status ?? 'draft') as DocStatus,
    groupId: doc.groupId ?? 'g-welfare',
    year: doc.year ?? 2026,
  };
}

/** The stored updates of a corpus document, as the device store would give them. */
export function sourceOf(doc: CorpusDoc, stamp = '1'): SearchSource {
  return {
    id: doc.id,
    stamp,
    meta: metaOf(doc),
    content: [contentUpdateOf(doc)],
    comments: doc.comments === undefined ? [] : [commentsUpdateOf(doc)],
  };
}

/** Documents written as the committee's members write them; every figure is made up. */
export const CORPUS: readonly CorpusDoc[] = [
  {
    id: 'doc-elderly',
    kind: DocKind.proposal,
    title: '关于完善农村互助养老服务体系的提案',
    status: 'in_review',
    groupId: 'g-welfare',
    year: 2026,
    headings: ['案由', '具体建议'],
    paragraphs: [
      '建议完善农村互助养老服务体系，解决留守老人照料难的问题。',
      ['各乡镇建成的幸福院缺少运营经费，', ['助餐'], '和探访服务难以持续。'],
      '推行“时间银行”积分制度，志愿服务时长可以兑换生活用品。',
      '由乡镇卫生院与幸福院签订协议，为失能老人提供上门服务。',
    ],
    fields: { sector: '社会福利界', category: 'society' },
    comments: ['建议补充幸福院运营补贴的测算依据。'],
  },
  {
    id: 'doc-doctors',
    kind: DocKind.proposal,
    title: '关于加强县级医院医疗人才队伍建设的提案',
    status: 'returned',
    groupId: 'g-health',
    year: 2025,
    headings: ['案由', '情况分析'],
    paragraphs: [
      '县级医院高级职称医生流失严重，急诊、儿科人手长期不足。',
      ['建议设立', ['基层医'], '生专项津贴，并落实编制周转池。'],
      '与省级三甲医院建立对口帮扶，推行远程会诊。',
    ],
    fields: { sector: '医药卫生界', category: 'society' },
    comments: ['请核实儿科医生缺口的数字。', '远程会诊部分可以再具体一些。'],
  },
  {
    id: 'doc-river',
    kind: DocKind.researchReport,
    title: '清水河流域生态保护情况的调研报告',
    status: 'approved',
    groupId: 'g-ecology',
    year: 2025,
    headings: ['调研背景', '存在问题'],
    paragraphs: [
      '清水河是全县主要饮用水源，流域内有规模养殖场三十余家。',
      ['部分养殖场粪污处理设施', ['运行不'], '正常，雨季存在直排现象。'],
      '建议建立上下游生态补偿机制，落实河长制巡查责任。',
    ],
    fields: { topic: '清水河流域水环境治理', researchPlace: '青石镇、白沙乡', participants: '生态环境组全体委员' },
  },
  {
    id: 'doc-village',
    kind: DocKind.socialInfo,
    title: '关于农村集体经济发展的社情民意',
    status: 'filed',
    groupId: 'g-economy',
    year: 2026,
    paragraphs: [
      '群众反映，部分村集体经济收入来源单一，主要依靠土地租金。',
      '建议盘活闲置校舍和厂房，发展乡村旅游和农产品电商。',
    ],
    fields: { region: '东山镇', category: 'economy' },
    comments: ['东山镇的情况可以附上调查问卷。'],
  },
  {
    id: 'doc-school',
    kind: DocKind.proposal,
    title: '关于加强中小学心理健康教育的提案',
    status: 'draft',
    groupId: 'g-education',
    year: 2026,
    paragraphs: [
      '中小学生心理问题呈低龄化趋势，专职心理教师配备不足。',
      '建议每所学校至少配备一名专职心理健康教师，建立学生心理档案。',
      'Use the WHO guideline on school mental health as a reference.',
    ],
    fields: { sector: '教育界', category: 'culture' },
  },
  {
    id: 'doc-traffic',
    kind: DocKind.socialInfo,
    title: '城区学校周边交通拥堵问题',
    status: 'draft',
    groupId: 'g-economy',
    year: 2024,
    paragraphs: [
      '上下学时段学校周边道路拥堵，接送车辆随意停放。',
      '建议错峰放学，设置临时停车区，由交警和志愿者共同疏导。',
    ],
    fields: { region: '城关街道' },
  },
];
