import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  CloseCode,
  ContentField,
  type DocId,
  DocKind,
  FILE_NODES_SCHEMA_VERSION,
  MetaKey,
  Role,
  roomNameOf,
  templateUpdate,
} from '../../shared/index';
import { parseRelayReason } from '../../shared/protocol/relayReasons';
import { databasePath } from '../storage/sqlite/databasePath';
import { SqliteDocStore } from '../storage/sqlite/SqliteDocStore';
import { eventually } from './support/eventually';
import { SyncClient } from './support/SyncClient';
import type { SeedPlan } from './support/seedWorkspace';
import { setupSeededServer } from './support/setupTestServer';

type Person = 'zhang' | 'li';

const PLAN: SeedPlan<'社会福利界', Person> = {
  groups: ['社会福利界'],
  people: {
    zhang: { role: Role.member, groups: ['社会福利界'], name: '张伟' },
    li: { role: Role.member, groups: ['社会福利界'], name: '李娜' },
  },
};

const SHA = '3f'.repeat(32);
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

async function storedBody(id: DocId): Promise<string> {
  const reader = new SqliteDocStore({ path: databasePath(ctx.server.dataDir), checkpointInBackground: false });
  try {
    const doc = new Y.Doc({ gc: false });
    for (const row of await reader.load(roomNameOf(id))) {
      Y.applyUpdate(doc, row.update);
    }
    return doc.getXmlFragment(ContentField.body).toJSON();
  } finally {
    await reader.close();
  }
}

function photo(attrs: Record<string, string | number>): Y.XmlElement {
  const element = new Y.XmlElement('photo');
  for (const [key, value] of Object.entries(attrs)) {
    element.setAttribute(key, value as string);
  }
  return element;
}

/** A social-conditions draft as its template makes it, raised (as an app does) to the format that holds photos unless `isRaised` is false. */
async function socialInfo(isRaised = true): Promise<{ id: DocId; zhang: SyncClient }> {
  const record = await ctx.workspace.createDoc('zhang', { groupKey: '社会福利界', kind: DocKind.socialInfo });
  const zhang = await connect(record.id, 'zhang');
  Y.applyUpdate(zhang.doc, templateUpdate(DocKind.socialInfo));
  await zhang.sync();
  if (isRaised) {
    zhang.doc.getMap(ContentField.meta).set(MetaKey.schemaVersion, FILE_NODES_SCHEMA_VERSION);
    await zhang.sync();
  }
  return { id: record.id, zhang };
}

describe('photos and attachments in the content room (RULES.md D8)', () => {
  it('D8 relays and stores a valid photo', async () => {
    const { id, zhang } = await socialInfo();
    const valid = { sha256: SHA, mediaType: 'image/jpeg', width: 1600, height: 900, alt: '' };
    zhang.doc.getXmlFragment(ContentField.body).insert(0, [photo(valid)]);
    await zhang.sync();
    const li = await connect(id, 'li');
    await eventually(async () => expect(li.doc.getXmlFragment(ContentField.body).toJSON()).toContain(SHA));
    expect(await storedBody(id)).toContain(`sha256="${SHA}"`);
  });

  it('D8 refuses a valid photo in a document left at the format before photos, from a client that tries anyway', async () => {
    const { id, zhang } = await socialInfo(false);
    const valid = { sha256: SHA, mediaType: 'image/jpeg', width: 1600, height: 900, alt: '' };
    zhang.doc.getXmlFragment(ContentField.body).insert(0, [photo(valid)]);
    const closed = await zhang.waitClosed();
    expect(closed.code).toBe(CloseCode.refusedUpdate);
    expect(parseRelayReason(closed.reason).code).toBe('file_node_refused');
    expect(await storedBody(id)).not.toContain('photo');
  });

  it('D8 refuses a photo whose digest is not a SHA-256 from a client that tries anyway, and stores nothing of it', async () => {
    const { id, zhang } = await socialInfo();
    const forged = { sha256: '../../etc/passwd', mediaType: 'image/jpeg', width: 100, height: 100 };
    zhang.doc.getXmlFragment(ContentField.body).insert(0, [photo(forged)]);
    const closed = await zhang.waitClosed();
    expect(closed.code).toBe(CloseCode.refusedUpdate);
    expect(parseRelayReason(closed.reason).code).toBe('file_node_refused');
    expect(zhang.permissionDenied.map((reason) => parseRelayReason(reason).code)).toEqual(['file_node_refused']);
    expect(await storedBody(id)).not.toContain('photo');
    const li = await connect(id, 'li');
    expect(li.doc.getXmlFragment(ContentField.body).toJSON()).not.toContain('photo');
  });

  it('D8 refuses a caption with a control character set later on a photo, from a client that tries anyway', async () => {
    const { id, zhang } = await socialInfo();
    const valid = { sha256: SHA, mediaType: 'image/jpeg', width: 1600, height: 900, alt: '' };
    zhang.doc.getXmlFragment(ContentField.body).insert(0, [photo(valid)]);
    await zhang.sync();
    (zhang.doc.getXmlFragment(ContentField.body).get(0) as Y.XmlElement).setAttribute('alt', '图1\t断桥');
    const closed = await zhang.waitClosed();
    expect(parseRelayReason(closed.reason).code).toBe('file_node_refused');
    expect(await storedBody(id)).not.toContain('断桥');
  });

  it('D8 refuses an attachment of a type the server does not take', async () => {
    const { id, zhang } = await socialInfo();
    const link = new Y.XmlElement('fileLink');
    for (const [key, value] of Object.entries({ sha256: SHA, name: 'x.html', mediaType: 'text/html', size: 10 })) {
      link.setAttribute(key, value as string);
    }
    const paragraph = new Y.XmlElement('paragraph');
    paragraph.insert(0, [link]);
    zhang.doc.getXmlFragment(ContentField.body).insert(0, [paragraph]);
    const closed = await zhang.waitClosed();
    expect(parseRelayReason(closed.reason).code).toBe('file_node_refused');
    expect(await storedBody(id)).not.toContain('fileLink');
  });
});
