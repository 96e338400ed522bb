import type * as Y from 'yjs';
import { type DocId, roomNameOf, type UserId } from '../../../shared';
import type { DocRecord } from '../../../shared/api/schemas';
import type { ApiClient } from '../api';
import { whenAcknowledged } from '../rooms';
import type { UpdateLogStore } from '../storage';
import type { WorkspaceCache } from '../workspace';
import { encodeSignatureSnapshot } from './signatureState';

/** How long signing waits for this device's changes to reach the server before it gives up. */
const SIGN_WAIT_MS = 20_000;

export interface CosignOptions {
  readonly api: Pick<ApiClient, 'sign' | 'withdrawSignature' | 'inviteCosigners'>;
  readonly updates: Pick<UpdateLogStore, 'watchUnsent'>;
  readonly cache: Pick<WorkspaceCache, 'saveServerRecord'>;
  /** Fetches the document's activity again: the signature answers carry the record only. */
  readonly refreshActivity: (docId: DocId) => Promise<void>;
}

async function stored(options: CosignOptions, record: DocRecord): Promise<void> {
  await options.cache.saveServerRecord(record);
  await options.refreshActivity(record.id);
}

/**
 * Co-signs (or signs again) the content as this device has it. Waits first until the device's
 * own changes are on the server: the server refuses (409) a snapshot naming changes it lacks.
 * Throws a ClientError: `unsent_changes`, the server's refusal, or `network`.
 */
export async function signDocument(options: CosignOptions, docId: DocId, doc: Y.Doc): Promise<void> {
  await whenAcknowledged(options.updates, roomNameOf(docId), { timeoutMs: SIGN_WAIT_MS });
  await stored(options, await options.api.sign(docId, encodeSignatureSnapshot(doc)));
}

/** Withdraws the user's signature. Throws a ClientError. */
export async function withdrawSignature(options: CosignOptions, docId: DocId): Promise<void> {
  await stored(options, await options.api.withdrawSignature(docId));
}

/** The proposer asks members of the group to co-sign. Throws a ClientError. */
export async function inviteCosigners(options: CosignOptions, docId: DocId, userIds: readonly UserId[]): Promise<void> {
  await stored(options, await options.api.inviteCosigners(docId, userIds));
}
