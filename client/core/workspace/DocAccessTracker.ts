import type { DocId } from '../../../shared';
import type { ApiClient } from '../api';
import type { Diagnostics } from '../diagnostics';
import { ClientError, ClientErrorCode, hasErrorCode } from '../errors';
import { createStore, type Store } from '../lib';
import type { ServerVerdict } from './docAccess';
import type { WorkspaceCache } from './WorkspaceCache';

/** Ask the server about a document again only after this long: opening it twice in a row asks once. */
const CONFIRM_AGAIN_AFTER_MS = 60_000;

export interface DocAccessTrackerOptions {
  readonly api: Pick<ApiClient, 'getDoc'>;
  readonly cache: Pick<WorkspaceCache, 'saveServerRecord' | 'forgetServerRecord'>;
  readonly diagnostics: Diagnostics;
  /** Whether the server can be asked now (signed in and online). */
  readonly canAsk: () => boolean;
  /** Whether the document waits for its registration: a 404 then only says so. */
  readonly isUnregistered: (docId: DocId) => boolean;
}

/**
 * What the server said lately about single documents: `GET /api/docs/:id` when one is opened,
 * and the relay's refusals. The cached record says what `can()` allows; these say when the
 * server disagrees (the user left the group, the document is gone).
 */
export class DocAccessTracker {
  /** Changes whenever a verdict or a running check changes. */
  readonly version: Store<number> = createStore(0);
  readonly #options: DocAccessTrackerOptions;
  readonly #verdicts = new Map<DocId, ServerVerdict>();
  readonly #checking = new Set<DocId>();
  readonly #checkedAt = new Map<DocId, number>();

  constructor(options: DocAccessTrackerOptions) {
    this.#options = options;
  }

  verdictOf(docId: DocId): ServerVerdict | undefined {
    return this.#verdicts.get(docId);
  }

  isChecking(docId: DocId): boolean {
    return this.#checking.has(docId);
  }

  /** The server (or the relay) said so. */
  setVerdict(docId: DocId, verdict: ServerVerdict | undefined): void {
    if (this.#verdicts.get(docId) === verdict) {
      return;
    }
    if (verdict === undefined) {
      this.#verdicts.delete(docId);
    } else {
      this.#verdicts.set(docId, verdict);
    }
    this.#bump();
  }

  /** A fresh workspace speaks for every document it lists or leaves out: older verdicts go. */
  clearVerdicts(): void {
    if (this.#verdicts.size > 0) {
      this.#verdicts.clear();
      this.#checkedAt.clear();
      this.#bump();
    }
  }

  /** Asks the server about the document, unless it was asked lately or cannot be asked now. */
  confirm(docId: DocId, now: number = Date.now()): Promise<void> {
    const last = this.#checkedAt.get(docId);
    if (this.#checking.has(docId) || (last !== undefined && now - last < CONFIRM_AGAIN_AFTER_MS)) {
      return Promise.resolve();
    }
    if (!this.#options.canAsk()) {
      return Promise.resolve();
    }
    this.#checkedAt.set(docId, now);
    this.#checking.add(docId);
    this.#bump();
    return this.#ask(docId).finally(() => {
      this.#checking.delete(docId);
      this.#bump();
    });
  }

  /** Asks again about the documents whose last check got no answer (the network is back). */
  async confirmUnanswered(): Promise<void> {
    const unanswered = [...this.#verdicts].flatMap(([docId, verdict]) => (verdict === 'offline' ? [docId] : []));
    await Promise.all(unanswered.map((docId) => this.confirm(docId)));
  }

  async #ask(docId: DocId): Promise<void> {
    const { api, cache, isUnregistered, diagnostics } = this.#options;
    try {
      const record = await api.getDoc(docId);
      await cache.saveServerRecord(record);
      this.setVerdict(docId, undefined);
    } catch (err) {
      if (hasErrorCode(err, ClientErrorCode.network)) {
        this.#checkedAt.delete(docId);
        this.setVerdict(docId, this.#verdicts.get(docId) ?? 'offline');
        return;
      }
      const isRefused =
        hasErrorCode(err, ClientErrorCode.forbidden) ||
        (hasErrorCode(err, ClientErrorCode.notFound) && !isUnregistered(docId));
      if (isRefused) {
        await cache
          .forgetServerRecord(docId)
          .catch((storeError: unknown) => diagnostics.report('access.forget', storeError));
        this.setVerdict(docId, err.code === ClientErrorCode.forbidden ? 'none' : 'not_found');
      } else if (!(err instanceof ClientError)) {
        // 401 ends the session (the API client told the auth store); other refusals decide nothing.
        diagnostics.report('access.confirm', err);
      }
    }
  }

  #bump(): void {
    this.version.update((n) => n + 1);
  }
}
