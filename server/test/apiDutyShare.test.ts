import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { memberYearSchema } from '../../shared/api/duty';
import { ContentField, type DocId, DocKind, Role, RoomKind, roomNameOf, type UserId } from '../../shared/index';
import { committeeYear } from '../duty/ledger';
import { apiRequest, expectOk } from './support/apiRequest';
import { openThread } from './support/commentsWriter';
import { filedBy, moveDocument } from './support/moveDocument';
import { SyncClient, waitUntil } from './support/SyncClient';
import { setupSeededServer } from './support/setupTestServer';

type Person = 'li' | 'zhang' | 'wang' | 'convener';

const clients: SyncClient[] = [];
const ctx = setupSeededServer<'经济界', Person>(
  {
    groups: ['经济界'],
    people: {
      li: { role: Role.member, groups: ['经济界'], name: '李委员' },
      zhang: { role: Role.member, groups: ['经济界'], name: '张委员' },
      wang: { role: Role.member, groups: ['经济界'], name: '王委员' },
      convener: { role: Role.convener, groups: ['经济界'], name: '召集人' },
    },
  },
  {
    onBeforeDispose: async () => {
      await Promise.all(clients.splice(0).map((client) => client.close()));
    },
  },
);

const idOf = (person: Person) => ctx.workspace.people[person].id;
const length = (text: string) => [...text].length;

/** A client of the document's content as `person`, whose edits the `authors` map credits to them (D1-D2). */
async function editor(docId: DocId, person: Person, offlineState?: Uint8Array): Promise<SyncClient> {
  const client = await SyncClient.connect(ctx.server.wsUrl, docId, { token: ctx.tokenOf(person) });
  clients.push(client);
  new Y.PermanentUserData(client.doc, client.doc.getMap(ContentField.authors)).setUserMapping(
    client.doc,
    client.doc.clientID,
    idOf(person),
  );
  if (offlineState !== undefined) {
    // What was written offline arrives as one update once the device connects (merged, L4).
    Y.applyUpdate(client.doc, offlineState);
  }
  await client.sync();
  return client;
}

function paragraph(doc: Y.Doc, text: string): Y.XmlText {
  const element = new Y.XmlElement('paragraph');
  const content = new Y.XmlText();
  element.insert(0, [content]);
  doc.getXmlFragment('body').push([element]);
  content.insert(0, text);
  return content;
}

async function settle(client: SyncClient): Promise<void> {
  await client.sync();
}

async function year(person: Person) {
  const answer = await apiRequest(ctx.server.url, 'GET', `/api/me/duty?year=${committeeYear(Date.now())}`, {
    token: ctx.tokenOf(person),
  });
  return expectOk(answer, memberYearSchema);
}

describe('the share of the filed text (L4) and the discussion given (L6), through the relay', () => {
  it('credits the characters each member wrote that survive review, offline text once merged, a paste taken out never', async () => {
    const record = await ctx.workspace.createDoc('li', { groupKey: '经济界', kind: DocKind.researchReport });
    const title = '乡村道路调研报告';
    const liFirst = '李委员写的第一段，';
    const liCut = '后被删去';
    const zhangText = '张委员补充的道路数据。';
    const offlineText = '离线补写的村民意见。';

    const li = await editor(record.id, 'li');
    li.doc.getText('title').insert(0, title);
    const liParagraph = paragraph(li.doc, liFirst + liCut);
    await settle(li);

    const zhang = await editor(record.id, 'zhang');
    paragraph(zhang.doc, zhangText);
    await settle(zhang);

    // zhang writes more on a device without network, from the state it last had, then connects.
    const offline = new Y.Doc({ gc: false });
    Y.applyUpdate(offline, Y.encodeStateAsUpdate(zhang.doc));
    new Y.PermanentUserData(offline, offline.getMap(ContentField.authors)).setUserMapping(
      offline,
      offline.clientID,
      idOf('zhang'),
    );
    paragraph(offline, offlineText);
    const merged = await editor(record.id, 'zhang', Y.encodeStateAsUpdate(offline));
    await settle(merged);

    // wang pastes a long passage and takes it out again.
    const wang = await editor(record.id, 'wang');
    const pasted = paragraph(wang.doc, '从别处粘贴来的一大段文字，随后整段删除。');
    await settle(wang);
    wang.doc.getXmlFragment('body').delete(wang.doc.getXmlFragment('body').length - 1, 1);
    expect(pasted.toString()).toBe('');
    await settle(wang);

    // The convener comments; li answers the comment by cutting her sentence short.
    const comments = await SyncClient.connect(ctx.server.wsUrl, roomNameOf(record.id, RoomKind.comments), {
      token: ctx.tokenOf('convener'),
    });
    clients.push(comments);
    openThread(comments.doc, idOf('convener') as UserId, '这句可以删去', { quote: liCut });
    await comments.sync();
    await settle(li);
    liParagraph.delete(length(liFirst), length(liCut));
    await settle(li);
    await waitUntil(() => li.doc.getXmlFragment('body').length === 3, 'every paragraph to reach li');

    await moveDocument(ctx.server, ctx.tokenOf, record.id, filedBy('li', 'convener'));

    const total = length(title) + length(liFirst) + length(zhangText) + length(offlineText);
    const shareOf = async (person: Person) =>
      (await year(person)).facts.find((fact) => fact.kind === 'text_share' && fact.source.id === record.id);
    expect(await shareOf('li')).toMatchObject({ chars: length(title) + length(liFirst), total });
    expect(await shareOf('zhang')).toMatchObject({ chars: length(zhangText) + length(offlineText), total });
    expect(await shareOf('wang')).toBeUndefined();

    const convener = await year('convener');
    const given = convener.facts.filter((fact) => fact.source.id === record.id).map((fact) => [fact.kind, fact.count]);
    expect(given).toEqual([
      ['comments', 1],
      ['reviews', 1],
    ]);
    const liYear = await year('li');
    // The share line scores points times the share: 4 points for a whole document under the 100-point preset.
    const line = liYear.score.lines.find((each) => each.key === 'text_share');
    expect(line?.raw).toBe(Math.round((4 * (length(title) + length(liFirst)) * 10) / total) / 10);
  });
});
