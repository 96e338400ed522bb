import type { RoomName } from '../../shared/index';

/**
 * Rooms that accept no updates for a while, each with the reason told to writers whose updates
 * are dropped meanwhile. A transition holds its document's content room so that the version it
 * saves and the status it records see the same content: nothing slips in between. Holds nest:
 * a room is released when its last hold is.
 */
export class WriteHolds {
  readonly #reasons = new Map<RoomName, string[]>();

  /** Why updates to `room` are dropped now; null when they are not held. */
  reasonFor(room: RoomName): string | null {
    return this.#reasons.get(room)?.at(-1) ?? null;
  }

  /** Holds updates to `room`; the returned function releases this hold and says whether it was the last. */
  hold(room: RoomName, reason: string): () => boolean {
    const reasons = this.#reasons.get(room) ?? [];
    reasons.push(reason);
    this.#reasons.set(room, reasons);
    let isReleased = false;
    return () => {
      if (isReleased) {
        return false;
      }
      isReleased = true;
      reasons.splice(reasons.indexOf(reason), 1);
      if (reasons.length > 0) {
        return false;
      }
      this.#reasons.delete(room);
      return true;
    };
  }
}
