import { describe, expect, it } from 'vitest';
import { DocKind, newDocId, parseGroupId } from '../../../shared';
import type { DocRecord } from '../../../shared/api/schemas';
import { filterDocs } from './filterDocs';

const GROUP = parseGroupId('00000000-0000-4000-8000-0000000000a1');
const OTHER = parseGroupId('00000000-0000-4000-8000-0000000000b2');
if (GROUP === null || OTHER === null) {
  throw new Error('bad test ids');
}

function doc(title: string, kind: DocKind, isArchived = false, groupId = GROUP): DocRecord {
  return {
    id: newDocId(),
    kind,
    groupId,
    title,
    status: 'draft',
    isArchived,
    createdBy: null,
    createdAt: 0,
    updatedAt: 0,
    updatedBy: null,
    authorIds: [],
    cosigners: [],
    lastReturn: null,
    fields: {},
  };
}

const docs = [
  doc('关于加强社区养老服务的提案', DocKind.proposal),
  doc('Rural Roads Survey', DocKind.researchReport),
  doc('群众反映菜市场改造进度慢', DocKind.socialInfo, true),
  doc('另一个小组的提案', DocKind.proposal, false, OTHER),
];
const all = { groupId: GROUP, kind: null, query: '', showArchived: false };

describe('filterDocs', () => {
  it('lists the group’s documents, archived ones only on request', () => {
    expect(filterDocs(docs, all).map((d) => d.title)).toEqual(['关于加强社区养老服务的提案', 'Rural Roads Survey']);
    expect(filterDocs(docs, { ...all, showArchived: true })).toHaveLength(3);
  });

  it('filters by kind and by part of the title, ignoring case', () => {
    expect(filterDocs(docs, { ...all, kind: DocKind.proposal }).map((d) => d.title)).toEqual([
      '关于加强社区养老服务的提案',
    ]);
    expect(filterDocs(docs, { ...all, query: ' rural ' }).map((d) => d.title)).toEqual(['Rural Roads Survey']);
    expect(filterDocs(docs, { ...all, query: '养老' })).toHaveLength(1);
  });

  it('filters by the category the record mirrors from the content', () => {
    const economy = { ...doc('关于产业园区的提案', DocKind.proposal), fields: { category: 'economy' } };
    const list = [...docs, economy];
    expect(filterDocs(list, { ...all, category: 'economy' }).map((d) => d.title)).toEqual(['关于产业园区的提案']);
    expect(filterDocs(list, { ...all, category: null })).toHaveLength(3);
  });
});
