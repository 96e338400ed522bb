import type { RoomName } from '../../../shared';
import { ClientError, ClientErrorCode } from '../errors';
import type { UpdateLogStore } from '../storage';

export interface WhenAcknowledgedOptions {
  /** Give up after this long: rejects with `unsent_changes`. Without it, waits as long as it takes. */
  readonly timeoutMs?: number;
  /** Stop waiting: rejects with `cancelled`. */
  readonly signal?: AbortSignal;
}

/**
 * Resolves once the server has acknowledged every update of `room` made on this device (C4):
 * the one wait before signing, saving a version or sending a transition, which must not overtake
 * the member's own last edits.
 */
export function whenAcknowledged(
  updates: Pick<UpdateLogStore, 'watchUnsent'>,
  room: RoomName,
  options: WhenAcknowledgedOptions = {},
): Promise<void> {
  return new Promise((resolve, reject) => {
    let isDone = false;
    let stop: () => void = () => {};
    const finish = (error: ClientError | null): void => {
      if (isDone) {
        return;
      }
      isDone = true;
      clearTimeout(timer);
      options.signal?.removeEventListener('abort', onAbort);
      // Counts arrive asynchronously: by then `stop` is assigned.
      queueMicrotask(() => stop());
      if (error === null) {
        resolve();
      } else {
        reject(error);
      }
    };
    const onAbort = (): void =>
      finish(new ClientError({ code: ClientErrorCode.cancelled, message: `Stopped waiting for ${room} to be sent` }));
    const timer =
      options.timeoutMs === undefined
        ? undefined
        : setTimeout(() => {
            const message = `${room} still has changes on this device that are not on the server`;
            finish(new ClientError({ code: ClientErrorCode.unsentChanges, message }));
          }, options.timeoutMs);
    if (options.signal?.aborted === true) {
      onAbort();
      return;
    }
    options.signal?.addEventListener('abort', onAbort);
    stop = updates.watchUnsent(room, (count) => {
      if (count === 0) {
        finish(null);
      }
    });
  });
}
