import * as Y from 'yjs';
import type { DocRecord } from '../../../shared/api/schemas';
import type { DocId } from '../../../shared/index';
import type { AccountStore, UserRecord } from '../../storage/AccountStore';
import type { DocRecordStore, GetDocumentOptions } from '../../storage/DocRecordStore';
import type {
  NewTransition,
  ReviewStore,
  StoredNotification,
  StoredTransition,
  TransitionOutcome,
} from '../../storage/ReviewStore';
import { toBase64 } from '../../storage/rows/reviewRows';
import type { ContentReader } from '../contentSnapshots';
import { StreamHub, type StreamMessage } from '../StreamHub';
import type { TransitionDeps } from '../transitionDocument';

/**
 * In-memory stand-ins for what a transition depends on, each counting how often it is read, for
 * the unit tests of transitionDocument. The review store keeps transitions by request id and
 * checks the status as SqliteReviewStore does; the content is one Y.Doc per document.
 */
export class TransitionFakes {
  readonly records = new Map<DocId, DocRecord>();
  readonly contents = new Map<DocId, Y.Doc>();
  people: readonly UserRecord[] = [];
  readonly hub = new StreamHub();
  /** What the hub sent to an open stream of every account. */
  readonly announced: StreamMessage[] = [];
  /** The reason of each hold, in order. */
  readonly holdReasons: string[] = [];
  readonly accessChanged: DocId[] = [];
  readonly calls = { listUsers: 0, readContent: 0, getDocument: 0 };
  readonly #transitions = new Map<string, StoredTransition>();
  #clock = 1_000;

  /** Opens one stream per account, so that every announcement is made (and recorded). */
  openStreams(): void {
    for (const user of this.people) {
      this.hub.subscribe(user.id, { send: (message) => this.announced.push(message), end: () => {}, credential: 'x' });
    }
  }

  /** The content of a document, created empty (gc off) on first use. */
  contentOf(id: DocId): Y.Doc {
    let doc = this.contents.get(id);
    if (doc === undefined) {
      doc = new Y.Doc({ gc: false });
      this.contents.set(id, doc);
    }
    return doc;
  }

  get deps(): TransitionDeps {
    return {
      reviews: this.#reviews(),
      records: this.#records(),
      accounts: this.#accounts(),
      content: this.#content(),
      onAccessChanged: async ({ docId }) => {
        this.accessChanged.push(docId);
      },
      hub: this.hub,
      now: () => ++this.#clock,
    };
  }

  #accounts(): Pick<AccountStore, 'listUsers'> {
    return {
      listUsers: async () => {
        this.calls.listUsers += 1;
        return [...this.people];
      },
    };
  }

  #records(): Pick<DocRecordStore, 'getDocument'> {
    return {
      getDocument: async (id: DocId, options: GetDocumentOptions = {}) => {
        this.calls.getDocument += 1;
        const record = this.records.get(id) ?? null;
        if (record === null || options.withSnapshots === true) {
          return record;
        }
        return { ...record, cosigners: record.cosigners.map((cosigner) => ({ ...cosigner, snapshot: null })) };
      },
    };
  }

  #content(): ContentReader {
    return {
      readContent: async <T>(docId: DocId, read: (doc: Y.Doc) => T): Promise<T> => {
        this.calls.readContent += 1;
        return read(this.contentOf(docId));
      },
      holdWrites: async <T>(_docId: DocId, reason: string, work: () => Promise<T>): Promise<T> => {
        this.holdReasons.push(reason);
        return work();
      },
    };
  }

  #reviews(): Pick<ReviewStore, 'findTransition' | 'activity' | 'applyTransition'> {
    return {
      findTransition: async (requestId) => this.#transitions.get(requestId) ?? null,
      activity: async (docId) => ({
        events: [],
        versions: [...this.#transitions.values()].flatMap(({ version }) =>
          version !== null && version.docId === docId ? [version] : [],
        ),
        lastReviewedVersionId: null,
      }),
      applyTransition: async (transition) => this.#apply(transition),
    };
  }

  #apply(transition: NewTransition): TransitionOutcome {
    const { event, version, requestId } = transition;
    const repeated = this.#transitions.get(requestId);
    if (repeated !== undefined) {
      return { kind: 'repeated', ...repeated };
    }
    const record = this.records.get(event.docId);
    if (record === undefined) {
      return { kind: 'missing' };
    }
    if (record.status !== event.fromStatus) {
      return { kind: 'stale', status: record.status };
    }
    const saved = version === null ? null : { ...version, snapshot: toBase64(version.snapshot) };
    const after = { ...record, status: event.toStatus, updatedAt: Math.max(record.updatedAt + 1, event.at) };
    this.records.set(record.id, after);
    this.#transitions.set(requestId, { event, version: saved });
    const notifications: StoredNotification[] = transition.notifications.map(
      ({ userId, commentId: _commentId, ...rest }) => ({
        userId,
        notification: { ...rest, readAt: null },
      }),
    );
    return { kind: 'applied', record: after, event, version: saved, notifications };
  }
}
