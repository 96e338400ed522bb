import * as Y from 'yjs';
import { ContentField, DocKind, templateUpdate } from '../../shared/index';

/** Phrases a member types into a proposal, one input-method commit each. */
const PHRASES = [
  '关于',
  '进一步',
  '加强',
  '农村',
  '基层医疗',
  '卫生服务',
  '体系建设',
  '的建议',
  '。',
  '，',
  '近年来',
  '我县',
  '乡镇卫生院',
  '村卫生室',
  '人员不足',
  '设备老化',
  '群众就医',
  '仍然困难',
  '建议',
  '县政府',
  '统筹安排',
  '专项资金',
  '完善',
  '激励机制',
  '吸引',
  '医学毕业生',
  '到基层',
  '服务',
  '推动',
  '优质资源',
  '下沉',
  '提高',
  '服务能力',
  '和水平',
  '切实',
  '解决',
  '看病难',
  '看病贵',
  '问题',
  '；',
] as const;

/** Characters of a paragraph before the typist starts another, at least. */
const MIN_PARAGRAPH_CHARS = 80;

function paragraph(): Y.XmlElement {
  const element = new Y.XmlElement('paragraph');
  element.insert(0, [new Y.XmlText()]);
  return element;
}

function textOf(element: Y.XmlElement): Y.XmlText {
  const text = element.get(0);
  if (!(text instanceof Y.XmlText)) {
    throw new Error('A typed paragraph has lost its text node');
  }
  return text;
}

/**
 * A proposal as a person types it: the kind's template, a title, then paragraphs typed a phrase
 * at a time, with an occasional correction in the paragraph being typed or in an earlier one.
 * Returns the document once the body holds at least `chars` characters, so that its stored
 * form has the structure of a real editing history rather than one long insert.
 */
export function typeDraft(chars: number, random: () => number): Y.Doc {
  const doc = new Y.Doc({ gc: false });
  Y.applyUpdate(doc, templateUpdate(DocKind.proposal));
  doc.getText(ContentField.title).insert(0, '关于进一步加强农村基层医疗卫生服务体系建设的建议');
  const body = doc.getXmlFragment(ContentField.body);
  const paragraphs: Y.XmlText[] = [];
  let typed = 0;
  let current: Y.XmlText | null = null;
  const pick = () => PHRASES[Math.floor(random() * PHRASES.length)] ?? '。';
  while (typed < chars) {
    if (current === null || (current.length >= MIN_PARAGRAPH_CHARS && random() < 0.05)) {
      const element = paragraph();
      body.insert(body.length, [element]);
      current = textOf(element);
      paragraphs.push(current);
    }
    const roll = random();
    if (roll < 0.04 && current.length > 4) {
      const count = 1 + Math.floor(random() * 3);
      current.delete(current.length - count, count);
      typed -= count;
    } else if (roll < 0.07) {
      const earlier = paragraphs[Math.floor(random() * paragraphs.length)] ?? current;
      const phrase = pick();
      earlier.insert(Math.floor(random() * (earlier.length + 1)), phrase);
      typed += phrase.length;
    } else {
      const phrase = pick();
      current.insert(current.length, phrase);
      typed += phrase.length;
    }
  }
  return doc;
}

/** The number of characters in a content document's body paragraphs. */
export function bodyChars(doc: Y.Doc): number {
  let count = 0;
  for (const node of doc.getXmlFragment(ContentField.body).toArray()) {
    if (node instanceof Y.XmlElement) {
      for (const child of node.toArray()) {
        count += child instanceof Y.XmlText ? child.length : 0;
      }
    }
  }
  return count;
}
