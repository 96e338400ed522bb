import { randomUUID } from 'node:crypto';
import { type DocId, RoomKind, type RoomName } from '../../shared/index';
import type { ClusterEvents } from '../cluster/ClusterEvents';
import type { Logger } from '../logger';
import type { Connection } from './Connection';
import type { Room } from './Room';
import type { WriteHolds } from './WriteHolds';

/** How long a hold waits for the other processes to acknowledge it; one that did not is presumed gone. */
const ACK_WAIT_MS = 2_000;
/** A hold another process asked for ends by itself after this, in case its release is lost. */
const REMOTE_HOLD_LIMIT_MS = 30_000;

export interface ClusterHoldsOptions {
  readonly events: ClusterEvents;
  readonly holds: WriteHolds;
  readonly logger: Logger;
  /** The room if this process has it loaded. */
  peek(room: RoomName): Room<Connection> | null;
  /** Resolves once this process's updates of the room queued so far are stored and published. */
  settle(room: Room<Connection>): Promise<void>;
  /** Decides access again for the document's open connections (Relay.recheckAccess). */
  recheckAccess(docId: DocId): Promise<void>;
  /** A hold of the room ended here: writers dropped meanwhile are asked again. */
  onReleased(room: RoomName): void;
}

interface RemoteHold {
  readonly room: RoomName;
  readonly release: () => boolean;
  readonly timer: NodeJS.Timeout;
}

/**
 * Write holds across processes (Relay.holdWrites): the process that runs a transition asks every
 * other one to drop the document's updates too, and waits until each has, and has stored and
 * published what it accepted before. Only then does it catch up and take its snapshot, so no edit
 * accepted anywhere lands between the version and the status.
 */
export class ClusterHolds {
  readonly #options: ClusterHoldsOptions;
  readonly #remote = new Map<string, RemoteHold>();
  readonly #waiting = new Map<string, { missing: number; done: () => void }>();

  constructor(options: ClusterHoldsOptions) {
    this.#options = options;
    const { events } = options;
    events.on('hold', (event, from) => {
      void this.#holdHere(event.holdId, event.room as RoomName, event.reason, event.ms, from);
    });
    events.on('holdAck', (event) => {
      if (event.to === events.bus.processId) {
        const waiting = this.#waiting.get(event.holdId);
        if (waiting !== undefined && --waiting.missing <= 0) {
          waiting.done();
        }
      }
    });
    events.on('release', (event) => this.#releaseHere(event.holdId));
  }

  /**
   * Holds the room in every other process and resolves once each acknowledged (or after a short
   * wait for those that do not answer). Resolves with the function that releases them.
   */
  async holdEverywhere(room: RoomName, reason: string): Promise<() => void> {
    const { events } = this.#options;
    if (!events.bus.hasPeers) {
      return () => {};
    }
    const holdId = randomUUID();
    let others: number;
    try {
      others = (await events.bus.countProcesses()) - 1;
    } catch (thrown) {
      // Without the bus, an edit accepted by another process could land after the snapshot:
      // refuse the transition rather than break that promise. The person tries again.
      throw new Error(
        `Cannot hold the document in the other server processes, the bus does not answer: ${(thrown as Error).message}`,
      );
    }
    const acknowledged = new Promise<boolean>((resolve) => {
      const timer = setTimeout(() => resolve(false), ACK_WAIT_MS);
      this.#waiting.set(holdId, {
        missing: others,
        done: () => {
          clearTimeout(timer);
          resolve(true);
        },
      });
      if (others <= 0) {
        this.#waiting.get(holdId)?.done();
      }
    });
    events.publish({ type: 'hold', holdId, room, reason, ms: REMOTE_HOLD_LIMIT_MS });
    if (!(await acknowledged)) {
      this.#options.logger.warn('not every process acknowledged a write hold in time', { room, expected: others });
    }
    this.#waiting.delete(holdId);
    return () => events.publish({ type: 'release', holdId });
  }

  async #holdHere(holdId: string, room: RoomName, reason: string, ms: number, from: string): Promise<void> {
    const release = this.#options.holds.hold(room, reason);
    const timer = setTimeout(() => this.#releaseHere(holdId), ms);
    this.#remote.set(holdId, { room, release, timer });
    try {
      const loaded = this.#options.peek(room);
      if (loaded !== null) {
        await this.#options.settle(loaded);
      }
    } finally {
      this.#options.events.publish({ type: 'holdAck', holdId, to: from });
    }
  }

  #releaseHere(holdId: string): void {
    const hold = this.#remote.get(holdId);
    if (hold === undefined) {
      return;
    }
    this.#remote.delete(holdId);
    clearTimeout(hold.timer);
    const release = (): void => {
      if (hold.release()) {
        this.#options.onReleased(hold.room);
      }
    };
    this.#decideAgain(hold.room).then(release, (thrown: unknown) => {
      this.#options.logger.error('deciding access again before a hold ended failed', {
        room: hold.room,
        error: (thrown as Error).message,
      });
      release();
    });
  }

  /**
   * Before a hold another process asked for ends here: access is decided again for the room's
   * connections, so that a status the holder stored (a submit) turns them read-only first.
   */
  async #decideAgain(name: RoomName): Promise<void> {
    const room = this.#options.peek(name);
    if (room !== null && room.target.kind === RoomKind.content) {
      await this.#options.recheckAccess(room.target.docId);
    }
  }

  /** Ends every hold other processes asked for (shutdown). */
  close(): void {
    for (const holdId of [...this.#remote.keys()]) {
      this.#releaseHere(holdId);
    }
  }
}
