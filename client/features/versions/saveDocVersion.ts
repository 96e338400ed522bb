import type { Version } from '../../../shared/api/review';
import type { ApiClient } from '../../core/api';
import type { ReviewRuntime } from '../../core/review';
import { type ContentSession, whenAcknowledged } from '../../core/rooms';
import type { UpdateLogStore } from '../../core/storage';

/** How long a save waits for this device's last changes to reach the server before it gives up. */
const SENT_TIMEOUT_MS = 10_000;

export interface SaveVersionServices {
  readonly api: Pick<ApiClient, 'saveVersion'>;
  readonly updates: Pick<UpdateLogStore, 'watchUnsent'>;
  readonly review: Pick<ReviewRuntime, 'refreshActivity'>;
}

/**
 * Saves the document as a named version (or as the user's review). The server snapshots its own
 * copy, so this first waits until every change made on this device is there: a version must
 * hold what the person saw when they saved it. Throws `unsent_changes` when they do not arrive.
 */
export async function saveDocVersion(
  services: SaveVersionServices,
  session: ContentSession,
  input: { readonly name: string; readonly isReview: boolean },
): Promise<Version> {
  await session.whenSaved();
  await whenAcknowledged(services.updates, session.room, { timeoutMs: SENT_TIMEOUT_MS });
  const version = await services.api.saveVersion(session.docId, input);
  await services.review.refreshActivity(session.docId);
  return version;
}
