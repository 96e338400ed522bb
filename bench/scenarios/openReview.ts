import * as Y from 'yjs';
import { addReply, createThread, listThreads, type Thread } from '../../client/core/comments';
import { authorsOf } from '../../client/core/versions';
import { docActivitySchema, versionSchema } from '../../shared/api/review';
import { meSchema } from '../../shared/api/schemas';
import { ContentField, type UserId } from '../../shared/index';
import { BenchClient } from '../lib/BenchClient';
import { callApi } from '../lib/benchWorkspace';
import { bodyChars, typeDraft } from '../lib/draftHistory';
import { newReviser, revise, syncAll } from '../lib/reviewEdits';
import { seededRandom } from '../lib/seededRandom';
import type { RunningServer } from '../lib/serverProcess';
import { round, roundSummary, type Summary, summarize } from '../lib/stats';
import { sleep } from '../lib/waitFor';

/** Load shape of the open-review scenario. */
export interface OpenReviewOptions {
  readonly chars: number;
  readonly threads: number;
  readonly versions: number;
  /** Revisions by two members before each version is saved. */
  readonly editsPerVersion: number;
  /** Fresh clients that open the document, one after another. */
  readonly repeats: number;
  /** Before each open, so that the relay has unloaded both rooms and loads them from storage. */
  readonly unloadWaitMs: number;
  readonly seed: number;
}

/** Figures of the open-review scenario against our relay. */
export interface OpenReviewResult {
  readonly bodyChars: number;
  readonly seedMs: number;
  /** From the first socket to the thread list in document order, everything fetched. */
  readonly openMs: Summary;
  readonly contentSyncMs: Summary;
  readonly commentsSyncMs: Summary;
  /** `GET /api/docs/:id/activity`, answer read and validated as the client does. */
  readonly activityMs: Summary;
  /** listThreads in document order, each anchor resolved against the content. */
  readonly listThreadsMs: Summary;
  readonly contentBytes: number;
  readonly commentsBytes: number;
  readonly activityBytes: number;
  readonly threadsListed: number;
  readonly versionsListed: number;
}

const SYNC_TIMEOUT_MS = 30_000;
/** The writer, the revisers' devices and the commenters are member 1; the fresh client is member 2. */
const WRITER = 1;
const READER = 2;
/** The two members who revise the draft, on their own devices. */
const REVISERS = [3, 4] as const;

const COMMENTS = ['建议补充近三年的具体数据。', '这一段的表述可以再精炼一些。', '请核实这个数字的来源。'] as const;

/** Opens a room on a fresh replica and resolves once the relay's state has arrived. */
async function openRoom(server: RunningServer, room: string, person: number) {
  const start = performance.now();
  const client = await BenchClient.open({ url: server.roomUrl(room, person) });
  await client.sync(SYNC_TIMEOUT_MS);
  return { client, ms: performance.now() - start };
}

function apiOf(server: RunningServer, person: number): { url: string; token: string } {
  const token = server.tokenOf(person);
  if (server.apiUrl === null || token === null) {
    throw new Error('The open-review scenario needs our relay’s API');
  }
  return { url: server.apiUrl, token };
}

/** Sends everything `doc` has that the room lacks, then waits until the relay has stored it. */
async function upload(client: BenchClient, doc: Y.Doc): Promise<void> {
  client.sendUpdate(Y.encodeStateAsUpdate(doc, Y.encodeStateVector(client.doc)));
  Y.applyUpdate(client.doc, Y.encodeStateAsUpdate(doc));
  // The answer to a step 1 leaves only after everything received before it is stored.
  await client.sync(SYNC_TIMEOUT_MS);
}

/** The text nodes of the body's paragraphs, in order. */
function paragraphTexts(doc: Y.Doc): Y.XmlText[] {
  return doc
    .getXmlFragment(ContentField.body)
    .toArray()
    .flatMap((node) => (node instanceof Y.XmlElement ? node.toArray() : []))
    .filter((node): node is Y.XmlText => node instanceof Y.XmlText);
}

/**
 * `count` threads on random passages of the content, every other one with a reply, by `authorId`:
 * the relay keeps only comments by the user who sends them (docs/RULES.md, CM3, CM5).
 */
function writeThreads(content: Y.Doc, count: number, random: () => number, authorId: UserId): Y.Doc {
  const comments = new Y.Doc();
  const texts = paragraphTexts(content).filter((text) => text.length > 20);
  for (let index = 0; index < count; index += 1) {
    const text = texts[Math.floor(random() * texts.length)];
    if (text === undefined) {
      throw new Error('The draft has no paragraph to comment on');
    }
    const start = Math.floor(random() * (text.length - 10));
    const end = start + 2 + Math.floor(random() * 8);
    const anchor = {
      start: Y.encodeRelativePosition(Y.createRelativePositionFromTypeIndex(text, start)),
      end: Y.encodeRelativePosition(Y.createRelativePositionFromTypeIndex(text, end)),
    };
    const quote = text.toString().slice(start, end);
    const comment = COMMENTS[index % COMMENTS.length] ?? '请核实。';
    const { threadId } = createThread(comments, { anchor, quote, authorId, text: comment });
    if (index % 2 === 1) {
      addReply(comments, { threadId, authorId, text: '已修改，请再看一下。' });
    }
  }
  return comments;
}

/** The account behind a person's token (`GET /api/me`). */
async function userIdOf(server: RunningServer, person: number): Promise<string> {
  const api = apiOf(server, person);
  return (await callApi(api.url, { method: 'GET', path: '/api/me', token: api.token }, meSchema)).id;
}

/**
 * A draft, then `versions` rounds of revisions each saved as a version, and the threads. Each
 * person's changes, with their authorship, go through their own connection: the relay refuses
 * authorship written for someone else (docs/RULES.md D1, D6).
 */
async function seed(server: RunningServer, room: string, options: OpenReviewOptions): Promise<number> {
  const random = seededRandom(options.seed);
  const api = apiOf(server, WRITER);
  const draft = typeDraft(options.chars, random);
  authorsOf(draft).setUserMapping(draft, draft.clientID, await userIdOf(server, WRITER));
  const revisers = await Promise.all(
    REVISERS.map(async (person) => ({ person, ...newReviser(await userIdOf(server, person), draft) })),
  );
  const writer = await openRoom(server, room, WRITER);
  const reviserClients = await Promise.all(revisers.map(({ person }) => openRoom(server, room, person)));
  try {
    await upload(writer.client, draft);
    for (let index = 0; index < options.versions; index += 1) {
      // Each device sends its own changes before the devices exchange theirs, as through the relay.
      const onBeforeMerge = async (): Promise<void> => {
        for (const [at, reviser] of revisers.entries()) {
          await upload((reviserClients[at] as { client: BenchClient }).client, reviser.doc);
        }
      };
      await revise(revisers, options.editsPerVersion, random, { onBeforeMerge });
      syncAll([draft, ...revisers.map((reviser) => reviser.doc)]);
      await upload(writer.client, draft);
      const body = { name: `第${index + 1}稿`, isReview: false };
      await callApi(
        api.url,
        { method: 'POST', path: `/api/docs/${room}/versions`, token: api.token, body },
        versionSchema,
      );
    }
  } finally {
    await Promise.all([writer, ...reviserClients].map(({ client }) => client.close()));
  }
  const comments = await openRoom(server, `${room}.comments`, WRITER);
  try {
    const me = await callApi(api.url, { method: 'GET', path: '/api/me', token: api.token }, meSchema);
    await upload(comments.client, writeThreads(draft, options.threads, random, me.id));
  } finally {
    await comments.client.close();
  }
  return bodyChars(draft);
}

async function fetchActivity(server: RunningServer, room: string) {
  const api = apiOf(server, READER);
  const start = performance.now();
  const response = await fetch(`${api.url}/api/docs/${room}/activity`, {
    headers: { authorization: `Bearer ${api.token}` },
  });
  const text = await response.text();
  if (!response.ok) {
    throw new Error(`GET activity answered ${response.status}: ${text.slice(0, 200)}`);
  }
  const activity = docActivitySchema.parse(JSON.parse(text));
  return { activity, ms: performance.now() - start, bytes: Buffer.byteLength(text) };
}

/** The threads in document order, each anchor resolved against the content, as the panel lists them. */
function listInOrder(content: Y.Doc, comments: Y.Doc): Thread[] {
  const order = new Map<unknown, number>(paragraphTexts(content).map((text, index) => [text, index]));
  return listThreads(comments, {
    positionOf: (thread) => {
      const position = Y.createAbsolutePositionFromRelativePosition(
        Y.decodeRelativePosition(thread.anchor.start),
        content,
      );
      const paragraph = position === null ? undefined : order.get(position.type);
      return position === null || paragraph === undefined ? null : paragraph * 1_000_000 + position.index;
    },
  });
}

interface OpenRun {
  readonly ms: number;
  readonly contentMs: number;
  readonly commentsMs: number;
  readonly activityMs: number;
  readonly listMs: number;
  readonly contentBytes: number;
  readonly commentsBytes: number;
  readonly activityBytes: number;
  readonly threads: number;
  readonly versions: number;
}

/** A fresh client opens the document: content, comments and activity at once, then lists the threads. */
async function openOnce(server: RunningServer, room: string): Promise<OpenRun> {
  const start = performance.now();
  const [content, comments, activity] = await Promise.all([
    openRoom(server, room, READER),
    openRoom(server, `${room}.comments`, READER),
    fetchActivity(server, room),
  ]);
  try {
    const listStart = performance.now();
    const threads = listInOrder(content.client.doc, comments.client.doc);
    const end = performance.now();
    return {
      ms: end - start,
      contentMs: content.ms,
      commentsMs: comments.ms,
      activityMs: activity.ms,
      listMs: end - listStart,
      contentBytes: content.client.bytesReceived,
      commentsBytes: comments.client.bytesReceived,
      activityBytes: activity.bytes,
      threads: threads.length,
      versions: activity.activity.versions.length,
    };
  } finally {
    await Promise.all([content.client.close(), comments.client.close()]);
  }
}

/**
 * A document with a long review behind it (`versions` saved versions, `threads` comment threads)
 * is opened by a fresh client of another member, `repeats` times, each after the relay unloaded it.
 */
export async function runOpenReview(server: RunningServer, options: OpenReviewOptions): Promise<OpenReviewResult> {
  const [room] = await server.newRooms(1);
  if (room === undefined) {
    throw new Error('No document was registered');
  }
  const seedStart = performance.now();
  const chars = await seed(server, room, options);
  const seedMs = performance.now() - seedStart;
  const runs: OpenRun[] = [];
  for (let index = 0; index < options.repeats; index += 1) {
    await sleep(options.unloadWaitMs);
    runs.push(await openOnce(server, room));
  }
  const last = runs[runs.length - 1];
  const pick = (field: keyof OpenRun) => roundSummary(summarize(runs.map((run) => run[field])));
  return {
    bodyChars: chars,
    seedMs: round(seedMs, 0),
    openMs: pick('ms'),
    contentSyncMs: pick('contentMs'),
    commentsSyncMs: pick('commentsMs'),
    activityMs: pick('activityMs'),
    listThreadsMs: pick('listMs'),
    contentBytes: last?.contentBytes ?? 0,
    commentsBytes: last?.commentsBytes ?? 0,
    activityBytes: last?.activityBytes ?? 0,
    threadsListed: Math.min(...runs.map((run) => run.threads)),
    versionsListed: Math.min(...runs.map((run) => run.versions)),
  };
}
