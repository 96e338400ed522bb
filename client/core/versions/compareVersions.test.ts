import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { ContentField } from '../../../shared';
import {
  authorshipSettled,
  linesOf,
  newWriter,
  paragraphs,
  paragraphText,
  plainLines,
  sync,
} from '../../test/versionWriters';
import { AUTHORS_FIELD } from './authorship';
import { compareVersions, renderVersion } from './compareVersions';
import { BlockKind, Change, type Segment } from './versionContent';

/** The first paragraph of the template (under 案由), the one these tests write in. */
const FIRST = 1;

function changesOf(segments: readonly Segment[]) {
  return segments.map(({ text, change, userId }) => ({ text, change, userId }));
}

describe('compareVersions', () => {
  it('names the author of each insertion and deletion between two versions', async () => {
    const alice = newWriter('alice');
    paragraphText(alice.doc, 0).insert(0, '建议加强社区养老服务');
    const bob = newWriter('bob', alice.doc);
    await authorshipSettled();
    const base = Y.snapshot(alice.doc);

    // Each changes what the other did not write: alice inserts, bob deletes some of alice's text.
    paragraphText(bob.doc, 0).insert(10, '，推动落实');
    await authorshipSettled();
    sync(alice.doc, bob.doc);
    paragraphText(alice.doc, 0).insert(4, '农村');
    paragraphText(bob.doc, 0).delete(8, 2);
    await authorshipSettled();
    sync(alice.doc, bob.doc);

    const expected = [
      { text: '建议加强', change: Change.none, userId: null },
      { text: '农村', change: Change.inserted, userId: 'alice' },
      { text: '社区养老', change: Change.none, userId: null },
      { text: '服务', change: Change.deleted, userId: 'bob' },
      { text: '，推动落实', change: Change.inserted, userId: 'bob' },
    ];
    for (const doc of [alice.doc, bob.doc]) {
      const diff = compareVersions(doc, base, Y.snapshot(doc));
      expect(changesOf(diff.blocks[FIRST]?.segments ?? [])).toEqual(expected);
      expect(diff.authors).toEqual(['alice', 'bob']);
      expect(diff.hasUnknownAuthor).toBe(false);
    }
  });

  it('attributes a deletion made by someone’s very first change on the device', async () => {
    const alice = newWriter('alice');
    paragraphText(alice.doc, 0).insert(0, '甲乙丙丁');
    await authorshipSettled();
    const base = Y.snapshot(alice.doc);
    const bob = newWriter('bob', alice.doc);
    paragraphText(bob.doc, 0).delete(1, 2);
    sync(alice.doc, bob.doc);

    const diff = compareVersions(alice.doc, base, null);
    expect(changesOf(diff.blocks[FIRST]?.segments ?? [])).toEqual([
      { text: '甲', change: Change.none, userId: null },
      { text: '乙丙', change: Change.deleted, userId: 'bob' },
      { text: '丁', change: Change.none, userId: null },
    ]);
  });

  it('splits one run deleted in parts by two people between them', async () => {
    const alice = newWriter('alice');
    paragraphText(alice.doc, 0).insert(0, 'abcdef');
    const bob = newWriter('bob', alice.doc);
    await authorshipSettled();
    const base = Y.snapshot(alice.doc);
    paragraphText(alice.doc, 0).delete(0, 2);
    paragraphText(bob.doc, 0).delete(2, 2);
    await authorshipSettled();
    sync(alice.doc, bob.doc);

    const diff = compareVersions(bob.doc, base, null);
    expect(changesOf(diff.blocks[FIRST]?.segments ?? [])).toEqual([
      { text: 'ab', change: Change.deleted, userId: 'alice' },
      { text: 'cd', change: Change.deleted, userId: 'bob' },
      { text: 'ef', change: Change.none, userId: null },
    ]);
  });

  it('shows everything as inserted against the empty document, the template by nobody on record', () => {
    const alice = newWriter('alice');
    alice.doc.getText(ContentField.title).insert(0, '关于养老的提案');
    paragraphText(alice.doc, 0).insert(0, '正文');

    const diff = compareVersions(alice.doc, null, null);
    const segments = [...diff.title, ...diff.blocks.flatMap((block) => block.segments)];
    expect(segments.length).toBeGreaterThan(0);
    expect(segments.every((segment) => segment.change === Change.inserted)).toBe(true);
    expect(changesOf(diff.title)).toEqual([{ text: '关于养老的提案', change: Change.inserted, userId: 'alice' }]);
    expect(diff.blocks[0]?.segments[0]).toMatchObject({ text: '案由', userId: null });
    expect(diff.blocks[FIRST]?.segments[0]).toMatchObject({ text: '正文', userId: 'alice' });
    expect(diff.authors).toEqual(['alice']);
    expect(diff.hasUnknownAuthor).toBe(true);
  });

  it('marks a deleted paragraph as a deleted block and keeps it in place', async () => {
    const alice = newWriter('alice');
    const body = alice.doc.getXmlFragment(ContentField.body);
    const extra = new Y.XmlElement('paragraph');
    extra.insert(0, [new Y.XmlText('将被删除的段落')]);
    body.insert(2, [extra]);
    await authorshipSettled();
    const base = Y.snapshot(alice.doc);
    const bob = newWriter('bob', alice.doc);
    bob.doc.getXmlFragment(ContentField.body).delete(2, 1);
    await authorshipSettled();
    sync(alice.doc, bob.doc);

    const diff = compareVersions(alice.doc, base, null);
    expect(diff.blocks[2]).toMatchObject({ kind: BlockKind.paragraph, change: Change.deleted, userId: 'bob' });
    expect(changesOf(diff.blocks[2]?.segments ?? [])).toEqual([
      { text: '将被删除的段落', change: Change.deleted, userId: 'bob' },
    ]);
    expect(diff.blocks[3]?.segments[0]?.text).toBe('提案人');
  });
});

describe('renderVersion', () => {
  it('equals what the text was when the version was taken', async () => {
    const alice = newWriter('alice');
    alice.doc.getText(ContentField.title).insert(0, '初稿标题');
    paragraphText(alice.doc, 0).insert(0, '第一段原文');
    paragraphText(alice.doc, 1).insert(0, '第二段原文');
    const then = plainLines(alice.doc);
    const version = Y.snapshot(alice.doc);

    const bob = newWriter('bob', alice.doc);
    bob.doc.getText(ContentField.title).insert(4, '（修改）');
    paragraphText(bob.doc, 0).delete(0, 3);
    paragraphText(bob.doc, 1).insert(5, '，又补充了一句');
    paragraphText(bob.doc, 1).format(0, 3, { bold: {} });
    bob.doc.getXmlFragment(ContentField.body).delete(0, 1);
    await authorshipSettled();
    sync(alice.doc, bob.doc);
    expect(plainLines(alice.doc)).not.toEqual(then);

    const rendered = renderVersion(alice.doc, version);
    expect(linesOf(rendered)).toEqual(then);
    expect(rendered.title.map((segment) => segment.text).join('')).toBe('初稿标题');
    expect(rendered.blocks.every((block) => block.segments.every((s) => s.change === Change.none))).toBe(true);
    expect(plainLines(Y.createDocFromSnapshot(alice.doc, version))).toEqual(then);
    expect(linesOf(renderVersion(alice.doc, null))).toEqual(plainLines(alice.doc));
  });

  it('keeps headings’ levels, list markers, marks and hard breaks', () => {
    const alice = newWriter('alice');
    const body = alice.doc.getXmlFragment(ContentField.body);
    const list = new Y.XmlElement('orderedList');
    const items = ['一', '二'].map((word) => {
      const item = new Y.XmlElement('listItem');
      const paragraph = new Y.XmlElement('paragraph');
      paragraph.insert(0, [new Y.XmlText(`第${word}条`)]);
      item.insert(0, [paragraph]);
      return item;
    });
    list.insert(0, items);
    const broken = new Y.XmlElement('paragraph');
    const bold = new Y.XmlText();
    bold.insert(0, '加粗', { bold: {} });
    broken.insert(0, [bold, new Y.XmlElement('hardBreak'), new Y.XmlText('下一行')]);
    body.insert(body.length, [list, broken]);

    const rendered = renderVersion(alice.doc, null);
    expect(rendered.blocks[0]).toMatchObject({ kind: BlockKind.heading, level: 2 });
    const tail = rendered.blocks.slice(-3);
    expect(tail.map((block) => [block.marker, block.listDepth])).toEqual([
      ['1.', 1],
      ['2.', 1],
      ['', 0],
    ]);
    expect(tail[2]?.segments.map((s) => [s.text, s.marks])).toEqual([
      ['加粗', ['bold']],
      ['\n下一行', []],
    ]);
  });

  it('reads the live document without producing an update or an author record', () => {
    const alice = newWriter('alice');
    paragraphText(alice.doc, 0).insert(0, '内容');
    const reader = newWriter('chair', alice.doc);
    const updates: Uint8Array[] = [];
    reader.doc.on('update', (update: Uint8Array) => updates.push(update));
    const base = Y.snapshot(reader.doc);
    compareVersions(reader.doc, null, base);
    compareVersions(reader.doc, base, null);
    renderVersion(reader.doc, base);
    expect(updates).toEqual([]);
    expect([...reader.doc.getMap(AUTHORS_FIELD).keys()]).toEqual(['alice']);
    expect(paragraphs(reader.doc)[0]?.toString()).toBe('<paragraph>内容</paragraph>');
  });
});
