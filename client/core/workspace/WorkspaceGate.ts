import { CloseCode, type DocId } from '../../../shared';
import type { Diagnostics } from '../diagnostics';
import { deriveStore, type Store } from '../lib';
import { type Outbox, OutboxOp } from '../outbox';
import type { CloseInfo, ConnectionGate } from '../rooms';
import type { DocRow } from '../storage';
import type { AuthStore } from './AuthStore';
import type { DocAccessTracker } from './DocAccessTracker';

/** Register a document again after the relay said it is unknown at most this often per page. */
const MAX_REREGISTRATIONS = 2;

export interface WorkspaceGateOptions {
  readonly auth: Pick<AuthStore, 'getSnapshot' | 'subscribe' | 'expire'>;
  readonly outbox: Outbox;
  readonly access: DocAccessTracker;
  readonly diagnostics: Diagnostics;
  /** The device's row of a document, if any. */
  readonly rowOf: (docId: DocId) => DocRow | undefined;
}

/**
 * Lets a document connect to the relay only while someone is signed in, the document is
 * registered (no registration waits in the outbox) and the server has not refused it; and turns
 * the relay's refusals into workspace state: 4401 expires the session, 4403 means no access, 4410
 * registers the document again through the outbox.
 */
export class WorkspaceGate implements ConnectionGate {
  readonly #options: WorkspaceGateOptions;
  readonly #changes: Pick<Store<unknown>, 'subscribe'>;
  readonly #reregistrations = new Map<DocId, number>();
  readonly stop: () => void;

  constructor(options: WorkspaceGateOptions) {
    this.#options = options;
    const changes = deriveStore([options.auth, options.outbox.state, options.access.version], () => ({}));
    this.#changes = changes.store;
    this.stop = changes.stop;
  }

  isOpen(docId: DocId): boolean {
    const { auth, outbox, access } = this.#options;
    if (auth.getSnapshot().status !== 'signed_in' || !outbox.state.getSnapshot().isLoaded) {
      return false;
    }
    const verdict = access.verdictOf(docId);
    return !outbox.isUnregistered(docId) && verdict !== 'none' && verdict !== 'not_found';
  }

  subscribe(onChange: () => void): () => void {
    return this.#changes.subscribe(onChange);
  }

  onRefused(docId: DocId, close: CloseInfo): void {
    if (close.code === CloseCode.unauthorized) {
      this.#options.auth.expire();
    } else if (close.code === CloseCode.forbidden) {
      this.#options.access.setVerdict(docId, 'none');
    } else if (close.code === CloseCode.documentNotFound) {
      this.#reregister(docId).catch((err: unknown) => this.#options.diagnostics.report('gate.reregister', err));
    }
  }

  /** A new sign-in starts over: documents may be registered again. */
  reset(): void {
    this.#reregistrations.clear();
  }

  /** The relay does not know a document this device has: register it (again) through the outbox. */
  async #reregister(docId: DocId): Promise<void> {
    const { outbox, access, rowOf } = this.#options;
    const row = rowOf(docId);
    const attempts = this.#reregistrations.get(docId) ?? 0;
    const groupId = row?.record?.groupId ?? row?.groupId ?? null;
    const kind = row?.record?.kind ?? row?.kind ?? null;
    if (groupId === null || kind === null || attempts >= MAX_REREGISTRATIONS) {
      // A document of no group (from before groups) cannot be registered by this device.
      access.setVerdict(docId, 'not_found');
      return;
    }
    this.#reregistrations.set(docId, attempts + 1);
    const payload = { id: docId, kind, groupId, title: row?.title ?? '' };
    // Nothing is queued when a registration waits already; an archive change waits behind it anyway.
    await outbox.enqueue(
      { op: OutboxOp.registerDoc, docId, payload },
      { unlessQueued: (queued) => queued.op === OutboxOp.registerDoc },
    );
  }
}
