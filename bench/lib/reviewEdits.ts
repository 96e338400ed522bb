import * as Y from 'yjs';
import { trackAuthorship } from '../../client/core/versions';
import { ContentField } from '../../shared/index';
import { sleep } from './waitFor';

/** Sentences a reviser inserts, as members revise a draft between two versions. */
const REVISIONS = [
  '同时',
  '进一步明确责任分工，',
  '据统计，',
  '全县共有',
  '建议由县卫生健康局牵头',
  '（附调研数据）',
  '并纳入年度考核',
  '，切实减轻群众负担',
  '按照“先试点、后推广”的原则',
  '。',
] as const;

/** One person revising on their own device: a copy of the document attributed to them. */
export interface Reviser {
  readonly userId: string;
  readonly doc: Y.Doc;
}

/** A copy of `from` on a new device, whose changes Y.PermanentUserData attributes to `userId`. */
export function newReviser(userId: string, from: Y.Doc): Reviser {
  const doc = new Y.Doc({ gc: false });
  Y.applyUpdate(doc, Y.encodeStateAsUpdate(from));
  trackAuthorship(doc, () => userId);
  return { userId, doc };
}

/** Exchanges what each of the docs lacks, as the relay would. */
export function syncAll(docs: readonly Y.Doc[]): void {
  for (const from of docs) {
    for (const to of docs) {
      if (from !== to) {
        Y.applyUpdate(to, Y.encodeStateAsUpdate(from, Y.encodeStateVector(to)));
      }
    }
  }
}

/** The text nodes of the body's paragraphs that hold text. */
function paragraphTexts(doc: Y.Doc): Y.XmlText[] {
  const texts: Y.XmlText[] = [];
  for (const node of doc.getXmlFragment(ContentField.body).toArray()) {
    const text = node instanceof Y.XmlElement && node.nodeName === 'paragraph' ? node.get(0) : null;
    if (text instanceof Y.XmlText && text.length > 0) {
      texts.push(text);
    }
  }
  return texts;
}

/** One revision: mostly insertions and deletions inside paragraphs, now and then a whole paragraph. */
function reviseOnce(doc: Y.Doc, random: () => number): void {
  const texts = paragraphTexts(doc);
  const text = texts[Math.floor(random() * texts.length)];
  if (text === undefined) {
    return;
  }
  const roll = random();
  if (roll < 0.55) {
    const phrase = REVISIONS[Math.floor(random() * REVISIONS.length)] ?? '。';
    text.insert(Math.floor(random() * (text.length + 1)), phrase);
  } else if (roll < 0.9) {
    const count = Math.min(text.length, 1 + Math.floor(random() * 12));
    text.delete(Math.floor(random() * (text.length - count + 1)), count);
  } else if (roll < 0.96) {
    const body = doc.getXmlFragment(ContentField.body);
    const paragraph = new Y.XmlElement('paragraph');
    paragraph.insert(0, [new Y.XmlText('新增一段：建议建立联席会议制度，定期通报进展情况。')]);
    body.insert(Math.floor(random() * (body.length + 1)), [paragraph]);
  } else {
    const body = doc.getXmlFragment(ContentField.body);
    const parent = text.parent;
    const index = body.toArray().indexOf(parent as Y.XmlElement);
    if (index >= 0) {
      body.delete(index, 1);
    }
  }
}

/** How `revise` merges the revisers' devices. */
export interface ReviseOptions {
  /** Edits between merges (default 20). */
  readonly mergeEvery?: number;
  /**
   * Runs before each merge, once every device has filed its deletions: for example to send each
   * device's own changes through its own connection, as the relay requires (RULES.md D1, D6).
   */
  readonly onBeforeMerge?: () => Promise<void>;
}

/**
 * `edits` revisions taking turns between the revisers, merged every `mergeEvery` edits (people
 * work apart for a while, then their devices sync). Resolves once every doc holds all of them
 * and their deletions are on record.
 */
export async function revise(
  revisers: readonly Reviser[],
  edits: number,
  random: () => number,
  options: ReviseOptions = {},
): Promise<void> {
  const { mergeEvery = 20, onBeforeMerge } = options;
  const docs = revisers.map((reviser) => reviser.doc);
  const merge = async (): Promise<void> => {
    // PermanentUserData files a change's deletions a tick after it.
    await sleep(0);
    await onBeforeMerge?.();
    syncAll(docs);
  };
  for (let index = 0; index < edits; index += 1) {
    const reviser = revisers[index % revisers.length];
    if (reviser !== undefined) {
      reviseOnce(reviser.doc, random);
    }
    if ((index + 1) % mergeEvery === 0) {
      await merge();
    }
  }
  await merge();
}
