import { describe, expect, it } from 'vitest';
import { DocKind, newDocId } from '../../../shared';
import { filterByTitle, mergeDocLists } from './mergeDocLists';

const a = newDocId();
const b = newDocId();
const c = newDocId();

describe('mergeDocLists', () => {
  it('merges device and server documents, newest first, marking where each is', () => {
    const merged = mergeDocLists(
      [
        { id: a, title: '本机标题', kind: DocKind.proposal, updatedAt: 300 },
        { id: b, title: '只在本机', kind: DocKind.socialInfo, updatedAt: 100 },
      ],
      [
        { id: a, title: '旧标题', kind: DocKind.proposal, updatedAt: 200 },
        { id: c, title: '只在云端', kind: DocKind.researchReport, updatedAt: 250 },
      ],
    );
    expect(merged.map((d) => [d.title, d.where])).toEqual([
      ['本机标题', 'both'],
      ['只在云端', 'server'],
      ['只在本机', 'device'],
    ]);
    expect(merged.map((d) => d.kind)).toEqual([DocKind.proposal, DocKind.researchReport, DocKind.socialInfo]);
  });

  it('takes the server title when the server changed the document later', () => {
    const merged = mergeDocLists(
      [{ id: a, title: '旧', kind: null, updatedAt: 1 }],
      [{ id: a, title: '新', kind: DocKind.proposal, updatedAt: 2 }],
    );
    expect(merged[0]).toMatchObject({ title: '新', kind: DocKind.proposal, updatedAt: 2, where: 'both' });
  });

  it('lists only device documents when the server list is unavailable', () => {
    expect(mergeDocLists([{ id: a, title: 'x', kind: null, updatedAt: 1 }], null)).toHaveLength(1);
  });
});

describe('filterByTitle', () => {
  it('matches part of a title, ignoring case', () => {
    const docs = mergeDocLists(
      [
        { id: a, title: '关于加强社区养老服务的提案', kind: null, updatedAt: 2 },
        { id: b, title: 'Rural Roads', kind: null, updatedAt: 1 },
      ],
      null,
    );
    expect(filterByTitle(docs, '养老').map((d) => d.id)).toEqual([a]);
    expect(filterByTitle(docs, ' rural ').map((d) => d.id)).toEqual([b]);
    expect(filterByTitle(docs, '')).toHaveLength(2);
  });
});
