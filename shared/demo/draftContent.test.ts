import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { ContentField, DOC_KINDS, templateHeadings, templateUpdate } from '../index';
import { DEMO_PEOPLE } from './committee';
import { draftContentUpdate } from './draftContent';
import { DEMO_DRAFTS } from './drafts';

function nameOf(username: string): string {
  return DEMO_PEOPLE.find((person) => person.username === username)?.name ?? username;
}

function outline(doc: Y.Doc): string[] {
  return doc
    .getXmlFragment(ContentField.body)
    .toArray()
    .map((node) => {
      const element = node as Y.XmlElement;
      const text = element.toArray().map(String).join('');
      return element.nodeName === 'heading' ? `# ${text}` : text;
    });
}

describe('demo drafts', () => {
  it('has several drafts of each kind, each by people of its group', () => {
    for (const kind of DOC_KINDS) {
      expect(DEMO_DRAFTS.filter((draft) => draft.kind === kind).length).toBeGreaterThanOrEqual(3);
    }
    for (const draft of DEMO_DRAFTS) {
      for (const username of [draft.createdBy, ...draft.coAuthors]) {
        expect(DEMO_PEOPLE.find((person) => person.username === username)?.groups).toContain(draft.group);
      }
    }
  });

  it('fills every template heading with the text of the draft, keeping the template', () => {
    const draft = DEMO_DRAFTS[0]!;
    const doc = new Y.Doc({ gc: false });
    Y.applyUpdate(doc, draftContentUpdate(draft, nameOf));
    const before = Y.encodeStateVector(doc);
    Y.applyUpdate(doc, templateUpdate(draft.kind));
    expect(Y.encodeStateVector(doc)).toEqual(before);

    expect(doc.getText(ContentField.title).toString()).toBe(draft.title);
    const lines = outline(doc);
    const headings = lines.filter((line) => line.startsWith('# '));
    expect(headings).toEqual(templateHeadings(draft.kind).map((heading) => `# ${heading}`));
    expect(lines[lines.indexOf('# 提案人') + 1]).toBe('赵德胜');
    expect(lines[lines.indexOf('# 联名人') + 1]).toBe('曾立新、田忠山');
    const suggestions = lines.slice(lines.indexOf('# 具体建议') + 1);
    expect(suggestions).toEqual(draft.sections.具体建议);
  });

  it('writes text under every heading of every draft', () => {
    for (const draft of DEMO_DRAFTS) {
      const doc = new Y.Doc({ gc: false });
      Y.applyUpdate(doc, draftContentUpdate(draft, nameOf));
      const lines = outline(doc);
      lines.forEach((line, index) => {
        if (line.startsWith('# ')) {
          expect(lines[index + 1], `${draft.title} ${line}`).toMatch(/^[^#]/);
        }
      });
    }
  });
});
