import { randomUUID } from 'node:crypto';
import * as Y from 'yjs';
import { type TransitionResult, transitionResultSchema } from '../../../shared/api/review';
import { type DocId, DocKind, type DocStatus, Role, type RoomName, roomNameOf } from '../../../shared/index';
import { databasePath } from '../../storage/sqlite/databasePath';
import { SqliteDocStore } from '../../storage/sqlite/SqliteDocStore';
import { type ApiAnswer, apiRequest, expectOk } from './apiRequest';
import { SyncClient, type SyncClientOptions } from './SyncClient';
import type { SeedPlan } from './seedWorkspace';
import type { SeededServerHandle } from './setupTestServer';

export type ReviewGroup = '经济界' | '教育界';
export type ReviewPerson = 'zhang' | 'li' | 'zhao' | 'convener' | 'chair' | 'wang';
export type ReviewServer = SeededServerHandle<ReviewGroup, ReviewPerson>;

/**
 * The committee of the review tests: zhang drafts, li and zhao write and co-sign in the same
 * group, its convener and a chair review, wang belongs to another group.
 */
export const REVIEW_PLAN: SeedPlan<ReviewGroup, ReviewPerson> = {
  groups: ['经济界', '教育界'],
  people: {
    zhang: { role: Role.member, groups: ['经济界'], name: '张委员' },
    li: { role: Role.member, groups: ['经济界'], name: '李委员' },
    zhao: { role: Role.member, groups: ['经济界'], name: '赵委员' },
    convener: { role: Role.convener, groups: ['经济界'], name: '召集人' },
    chair: { role: Role.chair, name: '主席' },
    wang: { role: Role.member, groups: ['教育界'], name: '王委员' },
  },
};

/** Opens sync clients for one test file and closes them all at the end. */
export class ClientPool {
  readonly #clients: SyncClient[] = [];

  async connect(wsUrl: string, room: string, options: SyncClientOptions): Promise<SyncClient> {
    const client = await SyncClient.connect(wsUrl, room, options);
    this.#clients.push(client);
    return client;
  }

  async closeAll(): Promise<void> {
    await Promise.all(this.#clients.splice(0).map((client) => client.close()));
  }
}

/** A proposal of 经济界 created by zhang, whose title zhang has typed over the relay. */
export async function draftWith(
  ctx: ReviewServer,
  pool: ClientPool,
  title: string,
  kind: DocKind = DocKind.proposal,
): Promise<{ id: DocId; author: SyncClient }> {
  const record = await ctx.workspace.createDoc('zhang', { groupKey: '经济界', kind });
  const author = await pool.connect(ctx.server.wsUrl, record.id, { token: ctx.tokenOf('zhang') });
  author.doc.getText('title').insert(0, title);
  await author.sync();
  return { id: record.id, author };
}

/** `POST /api/docs/:id/transitions` as `as`; a fresh request id unless one is given. */
export function requestTransition(
  ctx: ReviewServer,
  as: ReviewPerson | 'secretariat',
  id: DocId,
  body: { action: string; fromStatus: DocStatus; reason?: string; requestId?: string },
): Promise<ApiAnswer> {
  return apiRequest(ctx.server.url, 'POST', `/api/docs/${id}/transitions`, {
    token: ctx.tokenOf(as),
    json: { requestId: randomUUID(), ...body },
  });
}

/** A transition that must succeed. */
export async function transition(
  ctx: ReviewServer,
  as: ReviewPerson | 'secretariat',
  id: DocId,
  body: { action: string; fromStatus: DocStatus; reason?: string },
): Promise<TransitionResult> {
  return expectOk(await requestTransition(ctx, as, id, body), transitionResultSchema);
}

/** The content of a room as stored in the database file: what a restarted server would serve. */
export async function storedDoc(ctx: ReviewServer, room: RoomName): Promise<Y.Doc> {
  const reader = new SqliteDocStore({ path: databasePath(ctx.server.dataDir), checkpointInBackground: false });
  try {
    const doc = new Y.Doc({ gc: false });
    for (const row of await reader.load(room)) {
      Y.applyUpdate(doc, row.update);
    }
    return doc;
  } finally {
    await reader.close();
  }
}

/** The title as stored. */
export async function storedTitle(ctx: ReviewServer, id: DocId): Promise<string> {
  return (await storedDoc(ctx, roomNameOf(id))).getText('title').toString();
}

/** `Y.encodeSnapshot` of a client's document, in base64 as the API carries it. */
export function snapshotOf(doc: Y.Doc): string {
  return Buffer.from(Y.encodeSnapshot(Y.snapshot(doc))).toString('base64');
}
