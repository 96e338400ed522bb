import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { type ContentJudgeInput, type ContentVerdict, judgeContentUpdate } from './contentRules';
import { ContentField, DocKind, MetaKey } from './documentSchema';
import type { UserId } from './ids';
import { TEMPLATE_CLIENT_ID, templateUpdate } from './templates';

const ZHANG = 'zhang' as UserId;
const LI = 'li' as UserId;

/** A room holding a proposal's template and zhang's title, with zhang owning his client id. */
function seededRoom(): { room: Y.Doc; owners: Map<number, UserId>; zhang: Y.Doc } {
  const zhang = new Y.Doc({ gc: false });
  Y.applyUpdate(zhang, templateUpdate(DocKind.proposal));
  zhang.getText(ContentField.title).insert(0, '提案');
  new Y.PermanentUserData(zhang, zhang.getMap(ContentField.authors)).setUserMapping(zhang, zhang.clientID, ZHANG);
  const room = new Y.Doc({ gc: false });
  Y.applyUpdate(room, Y.encodeStateAsUpdate(zhang));
  return { room, owners: new Map([[zhang.clientID, ZHANG]]), zhang };
}

/** A device of `room`'s content, whose next changes are encoded as one update. */
function deviceOf(room: Y.Doc): Y.Doc {
  const doc = new Y.Doc({ gc: false });
  Y.applyUpdate(doc, Y.encodeStateAsUpdate(room));
  return doc;
}

function judge(
  room: Y.Doc,
  owners: Map<number, UserId>,
  userId: UserId,
  device: Y.Doc,
  change: () => void,
): ContentVerdict {
  const before = Y.encodeStateVector(device);
  change();
  const input: ContentJudgeInput = { doc: room, owners, userId, docKind: DocKind.proposal };
  return judgeContentUpdate(input, Y.decodeUpdate(Y.encodeStateAsUpdate(device, before)));
}

describe('judgeContentUpdate (RULES.md D1-D6)', () => {
  it('accepts a keystroke into the body, claiming a new client id and never the template’s', () => {
    const { room, owners } = seededRoom();
    const li = deviceOf(room);
    const verdict = judge(room, owners, LI, li, () => {
      const paragraph = li.getXmlFragment(ContentField.body).get(1) as Y.XmlElement;
      (paragraph.get(0) as Y.XmlText).insert(0, '李');
    });
    expect(verdict).toEqual({ kind: 'accept', claims: [li.clientID] });
    const template = judgeContentUpdate(
      { doc: new Y.Doc({ gc: false }), owners, userId: LI, docKind: DocKind.proposal },
      Y.decodeUpdate(templateUpdate(DocKind.proposal)),
    );
    expect(template).toEqual({ kind: 'accept', claims: [] });
    expect(TEMPLATE_CLIENT_ID).toBe(1);
  });

  it('D1 refuses deleting another user’s authorship entry', () => {
    const { room, owners } = seededRoom();
    const li = deviceOf(room);
    owners.set(li.clientID, LI);
    const verdict = judge(room, owners, LI, li, () => li.getMap(ContentField.authors).delete(ZHANG));
    expect(verdict).toMatchObject({ kind: 'refuse', rule: 'D1', reason: 'authorship_forged' });
  });

  it('D1 accepts a user’s second device overwriting their own entry, and D2 its copying their ids', () => {
    const { room, owners, zhang } = seededRoom();
    const second = deviceOf(room);
    const verdict = judge(room, owners, ZHANG, second, () => {
      const entry = new Y.Map<unknown>();
      second.getMap(ContentField.authors).set(ZHANG, entry);
      const ids = new Y.Array<number>();
      entry.set('ids', ids);
      ids.push([zhang.clientID, second.clientID]);
    });
    expect(verdict).toEqual({ kind: 'accept', claims: [second.clientID] });
  });

  it('D3 refuses lowering the schema version or deleting it, and accepts the current one written again', () => {
    const { room, owners } = seededRoom();
    const device = deviceOf(room);
    owners.set(device.clientID, ZHANG);
    expect(
      judge(room, owners, ZHANG, device, () => device.getMap(ContentField.meta).set(MetaKey.schemaVersion, 0)),
    ).toMatchObject({ kind: 'refuse', rule: 'D3' });
    const other = deviceOf(room);
    expect(
      judge(room, owners, ZHANG, other, () => other.getMap(ContentField.meta).delete(MetaKey.schemaVersion)),
    ).toMatchObject({
      kind: 'refuse',
      rule: 'D3',
    });
    const same = deviceOf(room);
    expect(
      judge(room, owners, ZHANG, same, () => same.getMap(ContentField.meta).set(MetaKey.schemaVersion, 1)),
    ).toMatchObject({
      kind: 'accept',
    });
  });

  it('D4 refuses a first kind that is not the record’s, and deleting the kind', () => {
    const empty = new Y.Doc({ gc: false });
    const device = deviceOf(empty);
    expect(
      judge(empty, new Map(), ZHANG, device, () =>
        device.getMap(ContentField.meta).set(MetaKey.kind, DocKind.socialInfo),
      ),
    ).toMatchObject({ kind: 'refuse', rule: 'D4', reason: 'server_field_changed' });
    const { room, owners } = seededRoom();
    const other = deviceOf(room);
    expect(judge(room, owners, ZHANG, other, () => other.getMap(ContentField.meta).delete(MetaKey.kind))).toMatchObject(
      {
        kind: 'refuse',
        rule: 'D4',
      },
    );
  });

  it('D5 refuses a nested type in meta', () => {
    const { room, owners } = seededRoom();
    const device = deviceOf(room);
    const verdict = judge(room, owners, ZHANG, device, () =>
      device.getMap(ContentField.meta).set('extra', new Y.Map()),
    );
    expect(verdict).toMatchObject({ kind: 'refuse', rule: 'D5' });
  });

  it('D6 refuses writing beyond the template under the template’s client id', () => {
    const { room, owners } = seededRoom();
    const forged = deviceOf(room);
    forged.clientID = TEMPLATE_CLIENT_ID;
    const verdict = judge(room, owners, LI, forged, () => forged.getText(ContentField.title).insert(0, '无名'));
    expect(verdict).toMatchObject({ kind: 'refuse', rule: 'D6', reason: 'client_id_taken' });
  });

  it('D6 refuses structs under a client id another user owns, even inside a larger update', () => {
    const { room, owners, zhang } = seededRoom();
    const forged = deviceOf(room);
    forged.clientID = zhang.clientID;
    const verdict = judge(room, owners, LI, forged, () => forged.getText(ContentField.title).insert(2, '伪'));
    expect(verdict).toMatchObject({ kind: 'refuse', rule: 'D6', reason: 'client_id_taken' });
  });
});

describe('judgeContentUpdate on large updates', () => {
  it('places a long chain of offline edits, each built on the one before, without deep recursion', () => {
    const { room, owners } = seededRoom();
    const device = deviceOf(room);
    const before = Y.encodeStateVector(device);
    // Elements never merge into one struct; each new one goes first, so it has no origin and is
    // placed by its right origin: the one inserted before it.
    const body = device.getXmlFragment(ContentField.body);
    device.transact(() => {
      for (let index = 0; index < 20_000; index++) {
        body.insert(0, [new Y.XmlElement('paragraph')]);
      }
    });
    const decoded = Y.decodeUpdate(Y.encodeStateAsUpdate(device, before));
    const started = performance.now();
    const verdict = judgeContentUpdate({ doc: room, owners, userId: ZHANG, docKind: DocKind.proposal }, decoded);
    expect(verdict).toMatchObject({ kind: 'accept' });
    expect(performance.now() - started).toBeLessThan(1_000);
  });
});
