import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { ContentField } from './documentSchema';
import { authorClientIds, authorDeletions, isSignatureOutdated } from './signatureCurrency';

/** A device of `userId` whose edits are attributed as the app attributes them (PermanentUserData). */
function writer(userId: string, from?: Y.Doc): Y.Doc {
  const doc = new Y.Doc({ gc: false });
  if (from !== undefined) {
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(from));
  }
  new Y.PermanentUserData(doc, doc.getMap(ContentField.authors)).setUserMapping(doc, doc.clientID, userId);
  return doc;
}

function proposal(): Y.Doc {
  const doc = new Y.Doc({ gc: false });
  doc.getText(ContentField.title).insert(0, '关于社区养老');
  const paragraph = new Y.XmlElement('paragraph');
  paragraph.insert(0, [new Y.XmlText('建议增加日间照料中心。')]);
  doc.getXmlFragment(ContentField.body).insert(0, [paragraph]);
  return doc;
}

function paragraphText(doc: Y.Doc): Y.XmlText {
  return (doc.getXmlFragment(ContentField.body).get(0) as Y.XmlElement).get(0) as Y.XmlText;
}

/** PermanentUserData files a deletion after the transaction, on a timer. */
function deletionsFiled(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

function sync(...docs: Y.Doc[]): void {
  for (const from of docs) {
    for (const to of docs) {
      if (from !== to) {
        Y.applyUpdate(to, Y.encodeStateAsUpdate(from, Y.encodeStateVector(to)));
      }
    }
  }
}

/** A proposer (alice) and a co-signer (bob) on one document, bob having signed it as it is. */
function signedByBob(): { alice: Y.Doc; bob: Y.Doc; signed: Y.Snapshot } {
  const alice = writer('alice', proposal());
  const bob = writer('bob', alice);
  sync(alice, bob);
  return { alice, bob, signed: Y.snapshot(bob) };
}

describe('isSignatureOutdated (S1)', () => {
  it('S1: keeps a signature current through the co-signer’s own insertions and deletions, in title and body', async () => {
    const { alice, bob, signed } = signedByBob();
    paragraphText(bob).insert(0, '一、');
    bob.getText(ContentField.title).insert(0, '（联名）');
    paragraphText(bob).delete(4, 2);
    await deletionsFiled();
    sync(alice, bob);
    expect(isSignatureOutdated(bob, signed, 'bob')).toBe(false);
    expect(isSignatureOutdated(alice, signed, 'bob')).toBe(false);
    // The same edits outdate the signature of anyone else who signed that version.
    expect(isSignatureOutdated(alice, signed, 'carol')).toBe(true);
  });

  it('S1: outdates a signature after another person’s insertion or deletion', async () => {
    const inserted = signedByBob();
    paragraphText(inserted.alice).insert(0, '补充：');
    sync(inserted.alice, inserted.bob);
    expect(isSignatureOutdated(inserted.bob, inserted.signed, 'bob')).toBe(true);

    const deleted = signedByBob();
    deleted.alice.getText(ContentField.title).delete(0, 2);
    await deletionsFiled();
    sync(deleted.alice, deleted.bob);
    expect(isSignatureOutdated(deleted.bob, deleted.signed, 'bob')).toBe(true);
  });

  it('S1: outdates it when another person changes the text beside or inside the co-signer’s own later edit', async () => {
    const { alice, bob, signed } = signedByBob();
    paragraphText(bob).insert(0, '我方补充');
    await deletionsFiled();
    sync(alice, bob);
    expect(isSignatureOutdated(alice, signed, 'bob')).toBe(false);
    paragraphText(alice).insert(2, '不');
    sync(alice, bob);
    expect(isSignatureOutdated(bob, signed, 'bob')).toBe(true);

    const removed = signedByBob();
    paragraphText(removed.bob).insert(0, '我方补充');
    sync(removed.alice, removed.bob);
    paragraphText(removed.alice).delete(0, 2);
    await deletionsFiled();
    sync(removed.alice, removed.bob);
    expect(isSignatureOutdated(removed.bob, removed.signed, 'bob')).toBe(true);
  });

  it('S1: keeps it current when another person’s change is undone, or the text reads as signed again', async () => {
    const { alice, bob, signed } = signedByBob();
    paragraphText(alice).insert(2, '草稿');
    paragraphText(alice).delete(2, 2);
    await deletionsFiled();
    sync(alice, bob);
    expect(isSignatureOutdated(bob, signed, 'bob')).toBe(false);

    // Someone else deletes a word and the co-signer types it back: the text is the one signed.
    paragraphText(alice).delete(0, 2);
    await deletionsFiled();
    sync(alice, bob);
    paragraphText(bob).insert(0, '建议');
    sync(alice, bob);
    expect(isSignatureOutdated(bob, signed, 'bob')).toBe(false);
  });

  it('S1: counts edits under client ids the co-signer has no record of as someone else’s', () => {
    const { alice, signed } = signedByBob();
    const unrecorded = new Y.Doc({ gc: false });
    Y.applyUpdate(unrecorded, Y.encodeStateAsUpdate(alice));
    paragraphText(unrecorded).insert(0, '无记录');
    sync(alice, unrecorded);
    expect(isSignatureOutdated(alice, signed, 'bob')).toBe(true);
  });

  it('reads the client ids and filed deletions of one person from the authors map', async () => {
    const { alice, bob } = signedByBob();
    paragraphText(bob).delete(0, 1);
    await deletionsFiled();
    sync(alice, bob);
    expect([...authorClientIds(alice, 'bob')]).toEqual([bob.clientID]);
    expect(authorClientIds(alice, 'nobody').size).toBe(0);
    expect(authorDeletions(alice, 'bob').clients.size).toBe(1);
    expect(authorDeletions(alice, 'alice').clients.size).toBe(0);
  });
});
