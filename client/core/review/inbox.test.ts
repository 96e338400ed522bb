import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DocStatus, newDocId } from '../../../shared';
import type { Notification } from '../../../shared/api/review';
import { FakeServer, makeMe, makeRecord, newGroupId, newUserId } from '../../test/FakeServer';
import { startTestApp, type TestApp } from '../../test/testApp';
import { waitUntil } from '../../test/waitUntil';
import type { Outbox } from '../outbox';
import type { EventSourceLike } from './liveStream';
import type { ReviewRuntime } from './ReviewRuntime';

const groupId = newGroupId();
const me = makeMe([groupId]);

/** A stand-in for the browser's EventSource that the test drives by hand. */
class FakeEventSource implements EventSourceLike {
  readyState = 0;
  onopen: ((event: Event) => void) | null = null;
  onerror: ((event: Event) => void) | null = null;
  readonly listeners = new Map<string, (event: MessageEvent<unknown>) => void>();
  isClosed = false;

  addEventListener(type: string, listener: (event: MessageEvent<unknown>) => void): void {
    this.listeners.set(type, listener);
  }
  close(): void {
    this.isClosed = true;
    this.readyState = 2;
  }
  open(): void {
    this.readyState = 1;
    this.onopen?.(new Event('open'));
  }
  send(type: string, data: unknown): void {
    this.listeners.get(type)?.(new MessageEvent(type, { data: JSON.stringify(data) }));
  }
}

function notification(overrides: Partial<Notification> = {}): Notification {
  return {
    id: crypto.randomUUID(),
    type: 'review_requested',
    docId: newDocId(),
    docTitle: '关于加强社区养老服务的提案',
    actorId: newUserId(),
    at: 100,
    reason: null,
    excerpt: null,
    threadId: null,
    readAt: null,
    ...overrides,
  };
}

let test: TestApp;
let server: FakeServer;
let outbox: Outbox;
let review: ReviewRuntime;
let sources: FakeEventSource[];
let serverInbox: Notification[];
let readRequests: unknown[];
/** Unread notifications the server counts beyond the page it sends. */
let unreadBeyondPage: number;

beforeEach(async () => {
  server = new FakeServer();
  server.addUser(me);
  sources = [];
  serverInbox = [];
  readRequests = [];
  unreadBeyondPage = 0;
  server.handler = ({ method, path, body }) => {
    if (method === 'GET' && path === '/api/notifications') {
      const unreadCount = serverInbox.filter((each) => each.readAt === null).length + unreadBeyondPage;
      return { status: 200, body: { notifications: serverInbox, unreadCount } };
    }
    if (method === 'POST' && path === '/api/notifications/read') {
      readRequests.push(body);
      if ((body as { all?: boolean }).all === true) {
        unreadBeyondPage = 0;
        serverInbox = serverInbox.map((each) => ({ ...each, readAt: each.readAt ?? 5 }));
      }
      return { status: 200, body: { unreadCount: 0 } };
    }
    return undefined;
  };
  test = await startTestApp(server, {
    createEventSource: () => {
      const source = new FakeEventSource();
      sources.push(source);
      return source;
    },
  });
});

afterEach(async () => {
  await test.stop();
});

/** Signs in: the review starts with the account, its stream and its first inbox fetch. */
async function signIn(): Promise<void> {
  ({ outbox, review } = await test.signIn(me));
}

describe('the inbox', () => {
  it('stores notifications that arrive live, newest first, and counts the unread', async () => {
    await signIn();
    await waitUntil(() => sources.length === 1, { what: 'the stream' });
    sources[0]?.open();
    sources[0]?.send('notification', notification({ id: 'n-older-0001', at: 1 }));
    sources[0]?.send('notification', notification({ id: 'n-newer-0001', at: 2 }));
    sources[0]?.send('notification', { id: 'not a notification' });
    await waitUntil(() => review.inbox.getSnapshot().unread === 2, { what: 'two unread' });
    expect(review.inbox.getSnapshot().notifications.map((each) => each.id)).toEqual(['n-newer-0001', 'n-older-0001']);
    expect(test.dropped.filter((each) => each.where === 'review.streamMessage')).toHaveLength(1);
  });

  it('marks read at once offline and tells the server when online, keeping the mark over older answers', async () => {
    const first = notification({ id: 'n-first-0001', at: 1 });
    const second = notification({ id: 'n-second-001', at: 2 });
    serverInbox = [first, second];
    await signIn();
    await waitUntil(() => review.inbox.getSnapshot().unread === 2, { what: 'the fetched inbox' });

    server.isOnline = false;
    await review.markRead(['n-first-0001']);
    await waitUntil(() => review.inbox.getSnapshot().unread === 1, { what: 'the local read mark' });
    expect(outbox.summary.getSnapshot().pending).toBe(1);

    // The server still says unread (it has not heard yet): the mark made here stays.
    server.isOnline = true;
    await review.refreshInbox();
    expect(review.inbox.getSnapshot().unread).toBe(1);
    await outbox.flush();
    expect(readRequests).toEqual([{ ids: ['n-first-0001'] }]);
    expect(outbox.summary.getSnapshot()).toEqual({ pending: 0, problems: [] });

    await review.markRead('all');
    await outbox.flush();
    expect(readRequests).toEqual([{ ids: ['n-first-0001'] }, { all: true }]);
    await waitUntil(() => review.inbox.getSnapshot().unread === 0, { what: 'all read' });
    expect(outbox.summary.getSnapshot().pending).toBe(0);
  });

  it('counts the unread notifications beyond the cached page, and marks them all read', async () => {
    serverInbox = [notification({ id: 'n-cached-001', at: 1 })];
    unreadBeyondPage = 40;
    await signIn();
    await waitUntil(() => review.inbox.getSnapshot().unread === 41, { what: 'the server’s count' });
    expect(review.inbox.getSnapshot().notifications).toHaveLength(1);

    await review.markRead('all');
    await waitUntil(() => review.inbox.getSnapshot().unread === 0, { what: 'all read' });
    expect(readRequests).toEqual([{ all: true }]);
    await review.refreshInbox();
    expect(review.inbox.getSnapshot().unread).toBe(0);
  });

  it('offline, marks all read here, queues the cached ids and asks for all before the next fetch', async () => {
    serverInbox = [notification({ id: 'n-cached-001', at: 1 })];
    unreadBeyondPage = 3;
    await signIn();
    await waitUntil(() => review.inbox.getSnapshot().unread === 4, { what: 'the server’s count' });

    server.isOnline = false;
    await review.markRead('all');
    await waitUntil(() => review.inbox.getSnapshot().unread === 0, { what: 'the local read marks' });
    await outbox.flush();
    expect(outbox.summary.getSnapshot().pending).toBe(1);

    server.isOnline = true;
    await review.refreshInbox();
    expect(readRequests).toContainEqual({ all: true });
    expect(review.inbox.getSnapshot().unread).toBe(0);
    await outbox.flush();
    await waitUntil(() => outbox.summary.getSnapshot().pending === 0, { what: 'the queued ids sent' });
    expect(readRequests).toContainEqual({ ids: ['n-cached-001'] });
  });

  it('stores a record that changed live and fetches the inbox again when the stream reopens', async () => {
    const docId = newDocId();
    await signIn();
    await waitUntil(() => sources.length === 1, { what: 'the stream' });
    sources[0]?.open();
    sources[0]?.send('record', makeRecord(docId, groupId, { status: DocStatus.inReview }));
    await waitUntil(async () => (await test.account().store.docs.get(docId))?.record?.status === DocStatus.inReview, {
      what: 'the stored record',
    });

    serverInbox = [notification({ id: 'n-missed-001' })];
    sources[0]?.open();
    await waitUntil(() => review.inbox.getSnapshot().unread === 1, { what: 'the missed notification' });
  });

  it('closes the stream offline and opens it again when the network returns', async () => {
    await signIn();
    await waitUntil(() => sources.length === 1, { what: 'the stream' });
    review.onOffline();
    expect(sources[0]?.isClosed).toBe(true);
    review.onOnline();
    expect(sources).toHaveLength(2);
  });
});
