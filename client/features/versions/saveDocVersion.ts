import type { Version } from '../../../shared/api/review';
import { refreshDocActivity } from '../../core/review';
import type { DocConnection } from '../../core/rooms/DocConnection';
import type { DocSession } from '../../core/rooms/DocSession';
import { api } from '../../core/workspace';

/** How long a save waits for this device's last changes to reach the server before it gives up. */
const SENT_TIMEOUT_MS = 10_000;

/** Thrown when the device still has changes the server has not acknowledged. */
export class ChangesNotSentError extends Error {
  readonly code = 'changes_not_sent';
}

/** Resolves once the connection reports nothing unsent; rejects after `timeoutMs`. */
function whenSent(connection: DocConnection | null, timeoutMs: number): Promise<void> {
  if (connection === null) {
    return Promise.reject(new ChangesNotSentError('The document is not connected yet'));
  }
  return new Promise((resolve, reject) => {
    const isSent = () => connection.status.getSnapshot().unsent === 0;
    if (isSent()) {
      resolve();
      return;
    }
    const timer = setTimeout(() => {
      stop();
      reject(new ChangesNotSentError('Changes made on this device are not on the server yet'));
    }, timeoutMs);
    const stop = connection.status.subscribe(() => {
      if (isSent()) {
        clearTimeout(timer);
        stop();
        resolve();
      }
    });
  });
}

/**
 * Saves the document as a named version (or as the user's review). The server snapshots its own
 * copy, so this first waits until every change made on this device is there: a version must
 * hold what the person saw when they saved it.
 */
export async function saveDocVersion(
  session: DocSession,
  input: { readonly name: string; readonly isReview: boolean },
): Promise<Version> {
  await session.whenSaved();
  await whenSent(session.connection.getSnapshot(), SENT_TIMEOUT_MS);
  const version = await api.saveVersion(session.docId, input);
  await refreshDocActivity(session.docId);
  return version;
}
