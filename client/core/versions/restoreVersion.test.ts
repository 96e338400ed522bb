import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { ContentField } from '../../../shared';
import { authorshipSettled, linesOf, newWriter, paragraphText, plainLines, sync } from '../../test/versionWriters';
import { compareVersions, renderVersion } from './compareVersions';
import { RESTORE_ORIGIN, restoreVersion } from './restoreVersion';
import { Change, type VersionContent } from './versionContent';

/** Alice's first draft, then bob's rewrite of it: title, text, a new paragraph, a bolded word. */
async function draftAndRewrite() {
  const alice = newWriter('alice');
  alice.doc.getText(ContentField.title).insert(0, '关于社区养老的提案');
  paragraphText(alice.doc, 0).insert(0, '社区养老服务不足');
  paragraphText(alice.doc, 1).insert(0, '张委员');
  await authorshipSettled();
  const first = Y.snapshot(alice.doc);
  const firstLines = plainLines(alice.doc);

  const bob = newWriter('bob', alice.doc);
  bob.doc.getText(ContentField.title).delete(2, 4);
  bob.doc.getText(ContentField.title).insert(2, '农村医疗');
  paragraphText(bob.doc, 0).delete(4, 2);
  paragraphText(bob.doc, 0).insert(4, '设施');
  paragraphText(bob.doc, 0).format(0, 2, { bold: {} });
  const added = new Y.XmlElement('paragraph');
  added.insert(0, [new Y.XmlText('新增的一段')]);
  bob.doc.getXmlFragment(ContentField.body).insert(2, [added]);
  bob.doc.getXmlFragment(ContentField.body).delete(3, 1); // the heading 提案人
  await authorshipSettled();
  sync(alice.doc, bob.doc);
  return { alice, bob, first, firstLines };
}

describe('restoreVersion', () => {
  it('makes the title and body what they were, in one transaction', async () => {
    const { alice, bob, first, firstLines } = await draftAndRewrite();
    expect(plainLines(bob.doc)).not.toEqual(firstLines);
    const transactions: unknown[] = [];
    bob.doc.on('afterTransaction', (transaction: Y.Transaction) => {
      if (transaction.deleteSet.clients.size > 0 || transaction.origin === RESTORE_ORIGIN) {
        transactions.push(transaction.origin);
      }
    });
    const updates: Uint8Array[] = [];
    bob.doc.on('update', (update: Uint8Array) => updates.push(update));

    restoreVersion(bob.doc, first);

    expect(transactions).toEqual([RESTORE_ORIGIN]);
    expect(updates).toHaveLength(1);
    expect(plainLines(bob.doc)).toEqual(firstLines);
    expect(bob.doc.getText(ContentField.title).toString()).toBe('关于社区养老的提案');
    expect(paragraphText(bob.doc, 0).toDelta()).toEqual([{ insert: '社区养老服务不足' }]);
    expect(linesOf(renderVersion(bob.doc, null))).toEqual(linesOf(renderVersion(alice.doc, first)));
  });

  it('keeps history: earlier versions still compare, and kept text keeps its author', async () => {
    const { bob, first } = await draftAndRewrite();
    const rewritten = Y.snapshot(bob.doc);
    restoreVersion(bob.doc, first);
    await authorshipSettled();

    const segmentsOf = (content: VersionContent) => content.blocks.flatMap((block) => block.segments);
    const rewrite = compareVersions(bob.doc, first, rewritten);
    expect(segmentsOf(rewrite)).toContainEqual(
      expect.objectContaining({ text: '新增的一段', change: Change.inserted, userId: 'bob' }),
    );
    const restore = compareVersions(bob.doc, rewritten, null);
    expect(segmentsOf(restore)).toContainEqual(
      expect.objectContaining({ text: '新增的一段', change: Change.deleted, userId: 'bob' }),
    );
    expect(segmentsOf(restore)).toContainEqual(
      expect.objectContaining({ text: '提案人', change: Change.inserted, userId: 'bob' }),
    );
    const fromNothing = compareVersions(bob.doc, null, null);
    expect(fromNothing.blocks[1]?.segments[0]).toMatchObject({ text: '社区养老', userId: 'alice' });
  });

  it('merges with a concurrent edit made elsewhere instead of dropping it', async () => {
    const { alice, bob, first } = await draftAndRewrite();
    paragraphText(alice.doc, 2).insert(3, '、李委员');
    restoreVersion(bob.doc, first);
    sync(alice.doc, bob.doc);
    expect(plainLines(alice.doc)).toEqual(plainLines(bob.doc));
    expect(plainLines(bob.doc)).toContain('张委员、李委员');
  });

  it('refuses a version whose edits have not reached the device', async () => {
    const { alice } = await draftAndRewrite();
    const elsewhere = newWriter('carol', alice.doc);
    paragraphText(elsewhere.doc, 0).insert(0, '别处的修改');
    expect(() => restoreVersion(alice.doc, Y.snapshot(elsewhere.doc))).toThrow(
      expect.objectContaining({ code: 'not_on_device' }),
    );
  });
});
