import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { STREAM_EVENTS, transitionResultSchema } from '../../shared/api/review';
import { type DocId, DocKind, RoomKind, roomNameOf } from '../../shared/index';
import { apiRequest, expectOk } from './support/apiRequest';
import { CLUSTER_SERVICES, ClusterDeployment } from './support/clusterDeployment';
import { openThread, threadsJson } from './support/commentsWriter';
import { SseReader } from './support/SseReader';
import { SyncClient, type SyncClientOptions, waitUntil } from './support/SyncClient';
import { type SeededWorkspace, seedWorkspace } from './support/seedWorkspace';
import type { ServerProcess } from './support/serverProcess';

type Person = 'zhang' | 'li' | 'wang';
type Workspace = SeededWorkspace<'经济界', Person>;

const PLAN = {
  groups: ['经济界'] as const,
  people: {
    zhang: { role: 'member' as const, groups: ['经济界' as const] },
    li: { role: 'member' as const, groups: ['经济界' as const] },
    wang: { role: 'member' as const, groups: ['经济界' as const] },
  },
};

const services = CLUSTER_SERVICES;

describe.skipIf(services === null)('several server processes on one PostgreSQL and one Redis', () => {
  let deployment: ClusterDeployment;
  let a: ServerProcess;
  let b: ServerProcess;
  let workspace: Workspace;
  const clients: SyncClient[] = [];

  const connect = async (server: ServerProcess, room: string, as: Person, options: SyncClientOptions = {}) => {
    const client = await SyncClient.connect(server.wsUrl, room, { token: workspace.tokenOf(as), ...options });
    clients.push(client);
    return client;
  };
  const newDoc = async (): Promise<DocId> =>
    (await workspace.createDoc('zhang', { groupKey: '经济界', kind: DocKind.proposal })).id;

  beforeAll(async () => {
    deployment = await ClusterDeployment.create(services ?? { databaseUrl: '', redisUrl: '' });
    a = await deployment.start({ isFirstRun: true });
    workspace = await seedWorkspace(a, PLAN);
    // Started once the first account exists, so that it makes no setup link of its own.
    b = await deployment.start();
  }, 60_000);

  afterAll(async () => {
    await Promise.all(clients.map((client) => client.close()));
    await deployment?.dispose();
  });

  it('converges the content typed by people connected to different processes', async () => {
    const id = await newDoc();
    const zhang = await connect(a, id, 'zhang');
    const li = await connect(b, id, 'li');
    for (let i = 0; i < 30; i++) {
      zhang.doc.getText('title').insert(0, '张');
      li.doc.getText('title').insert(li.doc.getText('title').length, '李');
    }
    await waitUntil(
      () => zhang.text() === li.text() && zhang.text().length === 60,
      'both sides to hold all 60 characters',
      10_000,
    );
    // A third person who opens it on either process reads the same.
    const wang = await connect(b, id, 'wang');
    expect(wang.text()).toBe(zhang.text());
  });

  it('converges comments and carries presence across processes', async () => {
    const id = await newDoc();
    const room = roomNameOf(id, RoomKind.comments);
    const zhang = await connect(a, room, 'zhang');
    const li = await connect(b, room, 'li');
    openThread(zhang.doc, workspace.people.zhang.id, '请补充数据来源');
    await waitUntil(
      () => JSON.stringify(threadsJson(li.doc)) === JSON.stringify(threadsJson(zhang.doc)),
      'the thread to reach the other process',
      10_000,
    );

    const content = await connect(a, id, 'zhang');
    const reader = await connect(b, id, 'li');
    content.setPresence({ user: { name: '张委员' }, cursor: null });
    await waitUntil(
      () => reader.awareness.getStates().has(content.doc.clientID),
      'zhang’s presence on the other process',
      10_000,
    );
    // The server sets the identity (RULES.md A4), here too.
    const seen = reader.awareness.getStates().get(content.doc.clientID) as { user?: { userId?: string } };
    expect(seen.user?.userId).toBe(workspace.people.zhang.id);

    // A person who opens the document later on the other process learns who is there.
    const late = await connect(b, id, 'wang');
    await waitUntil(() => late.awareness.getStates().has(content.doc.clientID), 'presence for a late joiner', 10_000);

    // Nobody on another process may take over someone else's presence (A1).
    const impostor = await connect(b, id, 'wang');
    impostor.doc.clientID = content.doc.clientID;
    impostor.awareness.clientID = content.doc.clientID;
    impostor.setPresence({ user: { name: '冒名' } });
    const closed = await impostor.waitClosed();
    expect(closed.code).toBe(4423);
  });

  it('tells a stream on one process of a notification made on another', async () => {
    const id = await newDoc();
    const stream = await SseReader.open(`${b.url}/api/stream`, workspace.tokenOf('li'));
    try {
      const invited = await apiRequest(a.url, 'POST', `/api/docs/${id}/cosigners`, {
        token: workspace.tokenOf('zhang'),
        json: { userIds: [workspace.people.li.id] },
      });
      expect(invited.status).toBe(200);
      const event = await stream.waitFor(
        (received) => received.event === STREAM_EVENTS.notification && received.data.includes(id),
        'the co-sign request on the other process',
      );
      expect(JSON.parse(event.data)).toMatchObject({ docId: id, type: 'cosign_requested' });
    } finally {
      stream.close();
    }
  });

  it('freezes an editor on one process when the document is submitted on another, with nothing slipping past the version', async () => {
    const id = await newDoc();
    const li = await connect(b, id, 'li');
    li.doc.getText('title').insert(0, '竞速');
    let isAnswered = false;
    const submitting = apiRequest(a.url, 'POST', `/api/docs/${id}/transitions`, {
      token: workspace.tokenOf('zhang'),
      json: { requestId: randomUUID(), action: 'submit', fromStatus: 'draft' },
    }).finally(() => {
      isAnswered = true;
    });
    // Li types steadily on process B while the submit runs on process A, and a little after.
    let typed = 0;
    for (let after = 0; after < 5; after += isAnswered ? 1 : 0) {
      li.doc.getText('title').insert(li.text().length, String(typed++ % 10));
      await new Promise((resolve) => setTimeout(resolve, 2));
    }
    const submitted = expectOk(await submitting, transitionResultSchema);
    await waitUntil(() => li.permissionDenied.length > 0, 'the relay on process B to refuse edits', 10_000);

    // What both processes serve now is exactly the version the submit saved.
    for (const server of [a, b]) {
      const reader = await connect(server, id, 'zhang');
      const past = Y.createDocFromSnapshot(
        reader.doc,
        Y.decodeSnapshot(Buffer.from(submitted.version?.snapshot ?? '', 'base64')),
        new Y.Doc({ gc: false }),
      );
      expect(reader.text()).toMatch(/^竞速/);
      expect(reader.text()).toBe(past.getText('title').toString());
    }
  });

  it('closes the connections of a deactivated account on every process', async () => {
    const id = await newDoc();
    const wang = await connect(b, id, 'wang');
    const deactivated = await apiRequest(a.url, 'PATCH', `/api/people/${workspace.people.wang.id}`, {
      token: workspace.tokenOf('secretariat'),
      json: { isActive: false },
    });
    expect(deactivated.status).toBe(200);
    const closed = await wang.waitClosed(10_000);
    expect([4401, 4403]).toContain(closed.code);
  });

  it('loses nothing anyone saw when a process is killed mid-edit; its writer goes on on another', async () => {
    const c = await deployment.start();
    const id = await newDoc();
    const writer = await connect(c, id, 'zhang');
    const reader = await connect(b, id, 'li');
    let seenAtKill = '';
    reader.doc.on('update', () => {
      if (seenAtKill === '' && reader.text().length >= 100) {
        seenAtKill = reader.text();
        c.child.kill('SIGKILL');
      }
    });
    const title = writer.doc.getText('title');
    for (let i = 0; i < 400 && c.child.exitCode === null && seenAtKill === ''; i++) {
      title.insert(title.length, String.fromCharCode(0x4e00 + (i % 500)));
      if (i % 10 === 0) {
        await new Promise((resolve) => setImmediate(resolve));
      }
    }
    await waitUntil(() => seenAtKill !== '', 'the reader to see 100 characters', 15_000);
    expect(await c.exited).toBe('SIGKILL');

    // What the reader saw is stored: a fresh reader on process A has all of it.
    const fresh = await connect(a, id, 'li');
    expect(fresh.text().startsWith(seenAtKill)).toBe(true);
    // The writer reconnects to another process with its own copy and goes on.
    const again = await SyncClient.connect(a.wsUrl, id, { token: workspace.tokenOf('zhang') });
    clients.push(again);
    Y.applyUpdate(again.doc, Y.encodeStateAsUpdate(writer.doc));
    again.doc.getText('title').insert(0, '续');
    await waitUntil(
      () => reader.text() === again.doc.getText('title').toString(),
      'the reader on process B to converge with the writer on process A',
      10_000,
    );
    expect(reader.text()).toBe(`续${title.toString()}`);
  });
});
