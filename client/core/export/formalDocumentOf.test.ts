import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { ContentField, templateUpdate } from '../../../shared';
import type { DocRecord, Workspace } from '../../../shared/api/schemas';
import { formalDocumentOf, withoutEmptyFormSections } from '../../../shared/formal/formalDocumentOf';
import { exportFileName } from './exportFiles';

const workspace = {
  people: [
    { id: 'u1', name: '张委员' },
    { id: 'u2', name: '李委员' },
    { id: 'u3', name: '王委员' },
  ],
  groups: [{ id: 'g1', name: '经济界' }],
} as unknown as Pick<Workspace, 'people' | 'groups'>;

function recordOf(kind: DocRecord['kind']): DocRecord {
  return {
    kind,
    title: '记录里的标题',
    groupId: 'g1',
    createdBy: 'u1',
    authorIds: ['u1', 'u3'],
    cosigners: [
      { userId: 'u2', state: 'signed' },
      { userId: 'u3', state: 'invited' },
    ],
  } as unknown as DocRecord;
}

function proposalDoc(title: string): Y.Doc {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, templateUpdate('proposal'));
  doc.getText(ContentField.title).insert(0, title);
  return doc;
}

describe('formalDocumentOf', () => {
  it('fills a proposal form from the record: creator, signed co-signers, group; blanks for what is not stored', () => {
    const formal = formalDocumentOf({
      doc: proposalDoc('关于加装电梯的建议'),
      record: recordOf('proposal'),
      workspace,
      untitled: '未命名',
    });
    expect(formal.title).toBe('关于加装电梯的建议');
    expect(formal.form).toEqual([
      { label: '案由', value: '关于加装电梯的建议' },
      { label: '提案人', value: '张委员' },
      { label: '联名人', value: '李委员' },
      { label: '界别', value: '经济界' },
      { label: '类别', value: '' },
      { label: '建议承办单位', value: '' },
    ]);
    // The template's 案由, 提案人 and 联名人 are empty here: the form prints them, the body starts after.
    expect(formal.body[0]).toEqual({ type: 'heading', level: 2, runs: [{ text: '情况分析' }] });
  });

  it('lists the creator and authors as a research report’s participants and falls back to the record’s title', () => {
    const formal = formalDocumentOf({
      doc: new Y.Doc(),
      record: recordOf('research_report'),
      workspace,
      untitled: '未命名',
    });
    expect(formal.title).toBe('记录里的标题');
    expect(formal.form.map((field) => field.label)).toEqual(['调研主题', '调研时间', '调研地点', '参加人员']);
    expect(formal.form[3]).toEqual({ label: '参加人员', value: '张委员、王委员' });
  });
});

describe('exportFileName', () => {
  it('is the title with characters file systems refuse replaced', () => {
    expect(exportFileName('关于“A/B”问题的建议?', 'docx')).toBe('关于“A_B”问题的建议_.docx');
    expect(exportFileName('  ', 'md')).toBe('document.md');
  });
});

describe('the form block’s sections in the body', () => {
  it('leaves out a template heading the form prints when nothing was written under it, and keeps one written in', () => {
    const heading = (text: string) => ({ type: 'heading', level: 2, runs: [{ text }] }) as const;
    const paragraph = (text: string) => ({ type: 'paragraph', runs: [{ text }] }) as const;
    const form = [
      { label: '提案人', value: '王委员' },
      { label: '联名人', value: '' },
      { label: '案由', value: '关于…的建议' },
    ];
    const body = [
      heading('案由'),
      paragraph('建议加快改造。'),
      heading('提案人'),
      paragraph(''),
      heading('联名人'),
      paragraph(' '),
      heading('情况分析'),
      paragraph(''),
    ];
    expect(withoutEmptyFormSections(body, form)).toEqual([
      heading('案由'),
      paragraph('建议加快改造。'),
      heading('情况分析'),
      paragraph(''),
    ]);
  });
});
