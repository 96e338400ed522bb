import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { bodyBlocks } from './bodyBlocks';
import { ContentField, DocKind } from './documentSchema';
import type { UserId } from './ids';
import {
  blockingFailures,
  DEFAULT_SUBMIT_CHECKS,
  runSubmitChecks,
  SubmitCheck,
  type SubmitCheckInput,
  type SubmitChecksConfig,
} from './submitChecks';
import { templateUpdate } from './templates';

const LI = '00000000-0000-4000-8000-000000000001' as UserId;
const WANG = '00000000-0000-4000-8000-000000000002' as UserId;

function paragraph(text: string): Y.XmlElement {
  const element = new Y.XmlElement('paragraph');
  element.insert(0, [new Y.XmlText(text)]);
  return element;
}

function orderedList(items: readonly string[]): Y.XmlElement {
  const list = new Y.XmlElement('orderedList');
  list.insert(
    0,
    items.map((text) => {
      const item = new Y.XmlElement('listItem');
      item.insert(0, [paragraph(text)]);
      return item;
    }),
  );
  return list;
}

/** A proposal from its template with text after the heading at `index` of the body. */
function proposal(fill: (body: Y.XmlFragment) => void): Y.Doc {
  const doc = new Y.Doc({ gc: false });
  Y.applyUpdate(doc, templateUpdate(DocKind.proposal));
  fill(doc.getXmlFragment(ContentField.body));
  return doc;
}

/** Inserts `nodes` right after the heading named `heading`. */
function insertAfter(body: Y.XmlFragment, heading: string, nodes: Y.XmlElement[]): void {
  const index = body
    .toArray()
    .findIndex((node) => node instanceof Y.XmlElement && node.toString().includes(`>${heading}<`));
  body.insert(index + 1, nodes);
}

function input(doc: Y.Doc, extra: Partial<SubmitCheckInput> = {}): SubmitCheckInput {
  return {
    kind: DocKind.proposal,
    title: '关于加强农村养老服务的建议',
    body: bodyBlocks(doc),
    fields: {},
    cosigners: [],
    ...extra,
  };
}

const ALL_BLOCKING: SubmitChecksConfig = {
  ...DEFAULT_SUBMIT_CHECKS,
  proposal: {
    titleForm: { enabled: true, blocking: true, limit: 20 },
    reasonsAndSuggestions: { enabled: true, blocking: true, limit: null },
    bodyLength: { enabled: true, blocking: true, limit: 30 },
    suggestedUnit: { enabled: true, blocking: true, limit: null },
    signatures: { enabled: true, blocking: true, limit: null },
  },
};

function failed(config: SubmitChecksConfig, value: SubmitCheckInput): string[] {
  return runSubmitChecks(config, value)
    .filter((result) => !result.passed)
    .map((result) => result.check);
}

describe('checks before submitting (RULES.md K1-K5)', () => {
  const complete = proposal((body) => {
    insertAfter(body, '具体建议', [orderedList(['每个乡镇建一所日间照料中心。'])]);
    insertAfter(body, '情况分析', [paragraph('老人占两成。')]);
  });
  const good = input(complete, {
    fields: { suggestedUnitIds: ['0b6c1b1e-5b1a-4c4e-9f3e-2a7d6c5b4a39'] },
    cosigners: [{ userId: LI, state: 'signed', isOutdated: false }],
  });

  it('K1-K5 pass on a complete proposal', () => {
    expect(failed(ALL_BLOCKING, good)).toEqual([]);
    expect(runSubmitChecks(ALL_BLOCKING, good)).toHaveLength(5);
  });

  it('K1 wants 关于……的建议 within the limit', () => {
    expect(failed(ALL_BLOCKING, { ...good, title: '关于加强农村养老服务的提案' })).toEqual([SubmitCheck.titleForm]);
    expect(failed(ALL_BLOCKING, { ...good, title: `关于${'很'.repeat(20)}的建议` })).toEqual([SubmitCheck.titleForm]);
  });

  it('K2 wants text under the reasons and a numbered suggestion, by list or by hand', () => {
    const empty = input(proposal(() => undefined));
    const result = runSubmitChecks(ALL_BLOCKING, empty).find(
      (each) => each.check === SubmitCheck.reasonsAndSuggestions,
    );
    expect(result).toMatchObject({ passed: false, detail: { missing: 'reasons' }, target: { heading: '情况分析' } });
    const byHand = proposal((body) => {
      insertAfter(body, '具体建议', [paragraph('（一）建设日间照料中心。')]);
      insertAfter(body, '情况分析', [paragraph('老人占两成。')]);
    });
    expect(failed(ALL_BLOCKING, { ...good, body: bodyBlocks(byHand) })).toEqual([]);
    const unnumbered = proposal((body) => {
      insertAfter(body, '具体建议', [paragraph('建设日间照料中心。')]);
      insertAfter(body, '情况分析', [paragraph('老人占两成。')]);
    });
    const missing = runSubmitChecks(ALL_BLOCKING, { ...good, body: bodyBlocks(unnumbered) }).find(
      (each) => each.check === SubmitCheck.reasonsAndSuggestions,
    );
    expect(missing).toMatchObject({ passed: false, detail: { missing: 'suggestions' } });
  });

  it('K3 counts the body without headings and whitespace', () => {
    const long = proposal((body) => insertAfter(body, '情况分析', [paragraph('字 '.repeat(31))]));
    const result = runSubmitChecks(ALL_BLOCKING, { ...good, body: bodyBlocks(long) }).find(
      (each) => each.check === SubmitCheck.bodyLength,
    );
    expect(result).toMatchObject({ passed: false, detail: { length: 31, limit: 30 } });
  });

  it('K4 wants a suggested unit; K5 every co-signer signed on the current text', () => {
    expect(failed(ALL_BLOCKING, { ...good, fields: {} })).toEqual([SubmitCheck.suggestedUnit]);
    const cosigners = [
      { userId: LI, state: 'signed', isOutdated: true },
      { userId: WANG, state: 'invited', isOutdated: false },
    ] as const;
    const result = runSubmitChecks(ALL_BLOCKING, { ...good, cosigners }).find(
      (each) => each.check === SubmitCheck.signatures,
    );
    expect(result).toMatchObject({ passed: false, detail: { userIds: [LI, WANG] } });
  });

  it('runs only what is turned on for the kind, and only blocking failures stop a submit', () => {
    const results = runSubmitChecks(DEFAULT_SUBMIT_CHECKS, { ...good, title: '提案', fields: {} });
    expect(results.map((each) => each.check)).toEqual([
      'titleForm',
      'reasonsAndSuggestions',
      'bodyLength',
      'suggestedUnit',
      'signatures',
    ]);
    expect(blockingFailures(results)).toEqual([]);
    const report = runSubmitChecks(DEFAULT_SUBMIT_CHECKS, { ...good, kind: DocKind.researchReport });
    expect(report.map((each) => each.check)).toEqual(['reasonsAndSuggestions']);
  });
});
