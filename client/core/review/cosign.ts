import type * as Y from 'yjs';
import type { DocId, UserId } from '../../../shared';
import type { DocRecord } from '../../../shared/api/schemas';
import type { ApiClient } from '../api/ApiClient';
import type { JianyanDb } from '../storage/JianyanDb';
import { watchUnsentCount } from '../storage/unsentCount';
import type { ReviewRuntime } from './ReviewRuntime';
import { encodeSignatureSnapshot } from './signatureState';

/** How long signing waits for this device's changes to reach the server before it gives up. */
const SIGN_WAIT_MS = 20_000;

/** This device still holds changes of the document that the server has not acknowledged. */
export class UnsentChangesError extends Error {
  override readonly name = 'UnsentChangesError';
}

/** Resolves once the document has no unsent changes on this device; rejects after `timeoutMs`. */
export function whenContentSent(db: JianyanDb, docId: DocId, timeoutMs = SIGN_WAIT_MS): Promise<void> {
  return new Promise((resolve, reject) => {
    let stop: () => void = () => {};
    const timer = setTimeout(() => {
      stop();
      reject(new UnsentChangesError(`Document ${docId} still has changes on this device that are not on the server`));
    }, timeoutMs);
    stop = watchUnsentCount(db, docId, (count) => {
      if (count === 0) {
        // Counts arrive asynchronously, after `stop` is assigned.
        clearTimeout(timer);
        stop();
        resolve();
      }
    });
  });
}

export interface CosignOptions {
  readonly db: JianyanDb;
  readonly api: ApiClient;
  readonly review: Pick<ReviewRuntime, 'onRecord' | 'refreshActivity'>;
}

async function stored(options: CosignOptions, record: DocRecord): Promise<void> {
  await options.review.onRecord(record);
  await options.review.refreshActivity(record.id);
}

/**
 * Co-signs (or signs again) the content as this device has it. Waits first until the device's
 * own changes are on the server: the server refuses (409) a snapshot naming changes it lacks.
 * Throws UnsentChangesError, ApiError or NetworkError.
 */
export async function signDocument(options: CosignOptions, docId: DocId, doc: Y.Doc): Promise<void> {
  await whenContentSent(options.db, docId);
  await stored(options, await options.api.sign(docId, encodeSignatureSnapshot(doc)));
}

/** Withdraws the user's signature. Throws ApiError or NetworkError. */
export async function withdrawSignature(options: CosignOptions, docId: DocId): Promise<void> {
  await stored(options, await options.api.withdrawSignature(docId));
}

/** The proposer asks members of the group to co-sign. Throws ApiError or NetworkError. */
export async function inviteCosigners(options: CosignOptions, docId: DocId, userIds: readonly UserId[]): Promise<void> {
  await stored(options, await options.api.inviteCosigners(docId, userIds));
}
