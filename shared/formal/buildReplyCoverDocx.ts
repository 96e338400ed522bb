import { AlignmentType, Document, Paragraph } from 'docx';
import { DOCUMENT_STYLES } from './buildFormalDocx';
import { formTable } from './docxForm';
import { BODY_TYPE, blankLine, GRID_SPACING, textRuns, titleParagraph } from './docxText';
import { pageProperties, SIZE } from './layout';
import { packDocx } from './packDocx';

/** How far a reply met the proposal: A adopted or solved, B being solved or planned, C kept for reference. */
export const ReplyClass = { a: 'A', b: 'B', c: 'C' } as const;
export type ReplyClass = (typeof ReplyClass)[keyof typeof ReplyClass];

/** What each class means, as printed beside it on the cover. */
export const REPLY_CLASS_MEANINGS: Record<ReplyClass, string> = {
  A: '所提问题已经解决或基本解决，建议已被采纳',
  B: '所提问题正在解决或已列入计划逐步解决',
  C: '因条件限制或其他原因暂时不能解决，留作参考',
};

export interface ReplyCover {
  /** The unit that replies (承办单位). */
  readonly unitName: string;
  /** For example 第0012号. */
  readonly proposalNumber: string;
  readonly proposalTitle: string;
  readonly replyClass: ReplyClass;
  /** The date as printed, for example 2026年12月4日. */
  readonly date: string;
}

/** The cover's lines of label and value, in the order the form prints them. */
export function replyCoverFields(cover: ReplyCover): Array<{ label: string; value: string }> {
  return [
    { label: '提案编号', value: cover.proposalNumber },
    { label: '提案标题', value: cover.proposalTitle },
    { label: '答复类别', value: `${cover.replyClass}类（${REPLY_CLASS_MEANINGS[cover.replyClass]}）` },
    { label: '承办单位', value: cover.unitName },
    { label: '答复日期', value: cover.date },
  ];
}

/** Builds the cover of a reply letter (答复函): the class in a corner, the title, the form, the unit and date. */
export async function buildReplyCoverDocx(cover: ReplyCover): Promise<Uint8Array<ArrayBuffer>> {
  const classMark = new Paragraph({
    alignment: AlignmentType.RIGHT,
    spacing: GRID_SPACING,
    children: textRuns([{ text: `${cover.replyClass}类` }], { font: 'heading1', size: SIZE.body }),
  });
  const signature = [cover.unitName, cover.date].map(
    (text) =>
      new Paragraph({
        alignment: AlignmentType.RIGHT,
        spacing: GRID_SPACING,
        children: textRuns([{ text }], BODY_TYPE),
      }),
  );
  const file = new Document({
    title: `${cover.unitName}关于${cover.proposalNumber}提案的答复函`,
    styles: DOCUMENT_STYLES,
    sections: [
      {
        properties: pageProperties(),
        children: [
          classMark,
          blankLine(),
          titleParagraph(`${cover.unitName}`),
          titleParagraph(`关于政协${cover.proposalNumber}提案的答复函`),
          blankLine(),
          formTable(replyCoverFields(cover)),
          blankLine(),
          blankLine(),
          ...signature,
        ],
      },
    ],
  });
  return packDocx(file);
}
