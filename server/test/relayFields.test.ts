import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { docRecordSchema } from '../../shared/api/schemas';
import {
  CloseCode,
  ContentField,
  type DocId,
  DocKind,
  FieldKey,
  Role,
  readFields,
  roomNameOf,
  templateUpdate,
  writeField,
} from '../../shared/index';
import { parseRelayReason } from '../../shared/protocol/relayReasons';
import { databasePath } from '../storage/sqlite/databasePath';
import { SqliteDocStore } from '../storage/sqlite/SqliteDocStore';
import { apiRequest } from './support/apiRequest';
import { eventually } from './support/eventually';
import { SyncClient } from './support/SyncClient';
import type { SeedPlan } from './support/seedWorkspace';
import { setupSeededServer } from './support/setupTestServer';

type Person = 'zhang' | 'li';

const PLAN: SeedPlan<'经济界', Person> = {
  groups: ['经济界'],
  people: {
    zhang: { role: Role.member, groups: ['经济界'], name: '张伟' },
    li: { role: Role.member, groups: ['经济界'], name: '李娜' },
  },
};

const UNIT = '5d0f3c2e-7a41-4b8e-9c1d-2e3f4a5b6c7d';
const clients: SyncClient[] = [];
const ctx = setupSeededServer(PLAN, {
  onBeforeDispose: async () => {
    await Promise.all(clients.splice(0).map((client) => client.close()));
  },
});

async function connect(id: DocId, as: Person): Promise<SyncClient> {
  const client = await SyncClient.connect(ctx.server.wsUrl, id, { token: ctx.tokenOf(as) });
  clients.push(client);
  return client;
}

/** The stored content of a document: what a restarted server would serve. */
async function storedDoc(id: DocId): Promise<Y.Doc> {
  const reader = new SqliteDocStore({ path: databasePath(ctx.server.dataDir), checkpointInBackground: false });
  try {
    const doc = new Y.Doc({ gc: false });
    for (const row of await reader.load(roomNameOf(id))) {
      Y.applyUpdate(doc, row.update);
    }
    return doc;
  } finally {
    await reader.close();
  }
}

async function recordOf(id: DocId) {
  const answer = await apiRequest(ctx.server.url, 'GET', `/api/docs/${id}`, { token: ctx.tokenOf('li') });
  return docRecordSchema.parse(answer.body);
}

/** A new proposal seeded with its template, whose sector zhang set the app's way. */
async function proposalWithSector(): Promise<{ id: DocId; zhang: SyncClient }> {
  const record = await ctx.workspace.createDoc('zhang', { groupKey: '经济界', kind: DocKind.proposal });
  const zhang = await connect(record.id, 'zhang');
  Y.applyUpdate(zhang.doc, templateUpdate(DocKind.proposal));
  writeField(zhang.doc, DocKind.proposal, FieldKey.sector, '经济界');
  await zhang.sync();
  return { id: record.id, zhang };
}

describe('fields of the content room (RULES.md D7)', () => {
  it('D7 accepts the app’s fields, relays them and mirrors them into the record', async () => {
    const { id, zhang } = await proposalWithSector();
    const li = await connect(id, 'li');
    writeField(li.doc, DocKind.proposal, FieldKey.category, 'economy');
    writeField(li.doc, DocKind.proposal, FieldKey.suggestedUnitIds, [UNIT]);
    writeField(zhang.doc, DocKind.proposal, FieldKey.publishable, true);
    await Promise.all([li.sync(), zhang.sync()]);
    const expected = { sector: '经济界', category: 'economy', suggestedUnitIds: [UNIT], publishable: true };
    await eventually(async () => expect(readFields(zhang.doc, DocKind.proposal)).toEqual(expected));
    expect(readFields(await storedDoc(id), DocKind.proposal)).toEqual(expected);
    await eventually(async () => expect((await recordOf(id)).fields).toEqual(expected));
    const listed = await apiRequest(ctx.server.url, 'GET', '/api/docs', { token: ctx.tokenOf('li') });
    expect(
      (listed.body as { docs: { id: string; fields: unknown }[] }).docs.find((doc) => doc.id === id)?.fields,
    ).toEqual(expected);
  });

  const refusals: readonly { readonly name: string; readonly write: (fields: Y.Map<unknown>) => void }[] = [
    { name: 'a key of another kind', write: (fields) => fields.set(FieldKey.region, '城关镇') },
    { name: 'a wrong type', write: (fields) => fields.set(FieldKey.publishable, 'yes') },
    { name: 'a too long value', write: (fields) => fields.set(FieldKey.sector, '界'.repeat(51)) },
    { name: 'a nested Y type', write: (fields) => fields.set(FieldKey.sector, new Y.Text('经济界')) },
    {
      name: 'too many units',
      write: (fields) =>
        fields.set(
          FieldKey.suggestedUnitIds,
          Array.from({ length: 6 }, (_, n) => `5d0f3c2e-7a41-4b8e-9c1d-2e3f4a5b6c${String(n).padStart(2, '0')}`),
        ),
    },
  ];

  for (const { name, write } of refusals) {
    it(`D7 refuses ${name} from a client that tries anyway, and stores nothing of it`, async () => {
      const { id, zhang } = await proposalWithSector();
      write(zhang.doc.getMap(ContentField.fields));
      const closed = await zhang.waitClosed();
      expect(closed.code).toBe(CloseCode.refusedUpdate);
      expect(parseRelayReason(closed.reason).code).toBe('field_refused');
      expect(zhang.permissionDenied.map((reason) => parseRelayReason(reason).code)).toEqual(['field_refused']);
      const stored = await storedDoc(id);
      expect(stored.getMap(ContentField.fields).toJSON()).toEqual({ sector: '经济界' });
      const li = await connect(id, 'li');
      expect(li.doc.getMap(ContentField.fields).toJSON()).toEqual({ sector: '经济界' });
    });
  }
});
