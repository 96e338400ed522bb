import * as awarenessProtocol from 'y-protocols/awareness';
import * as Y from 'yjs';
import type { RoomName, UserId } from '../../shared/index';
import type { ClusterBus } from '../cluster/ClusterBus';
import { type Logger, toError } from '../logger';
import type { DocStore } from '../storage/DocStore';
import { decodeAwarenessEntries } from './awarenessRules';
import type { Connection } from './Connection';
import type { Room } from './Room';
import { decodeRoomMessage, encodeRoomMessage, type RoomMessage } from './roomMessages';

/**
 * The origin of changes another process stored (or presence it relayed): applied to the room and
 * sent to this process's connections, never stored or published again.
 */
export const REMOTE_ORIGIN = Symbol('another process');

/** What one room's own commit stored: numbered `firstSeq` on, consecutively. */
export interface StoredRun {
  readonly firstSeq: number;
  readonly updates: readonly Uint8Array[];
  readonly owners: readonly (readonly [number, UserId])[];
}

interface RoomState {
  /** Messages that arrived while the room was loading, replayed once it is. */
  early: { message: RoomMessage; from: string }[] | null;
  /** The catch-up in flight, and whether another must follow it. */
  catchingUp: Promise<void> | null;
  isCatchUpDue: boolean;
}

/**
 * Keeps a room that several processes hold the same everywhere. Each process stores its own
 * connections' updates (numbered per room by the store, consecutively and in commit order) and
 * then publishes them; the others apply them and relay them to their connections. A room knows
 * the last number up to which it holds every stored update (`room.log.lastSeq`): a message, or an
 * own commit, that starts further on means something was missed, and the room catches up from
 * the store, which is the truth. So does every room after the bus was cut off. Presence travels
 * the same way, with the user who published it, so that no process lets another user take it over.
 */
export class ClusterRooms {
  readonly #bus: ClusterBus;
  readonly #store: DocStore;
  readonly #logger: Logger;
  readonly #rooms = new Map<RoomName, Room<Connection>>();
  readonly #states = new Map<RoomName, RoomState>();

  constructor(options: { readonly bus: ClusterBus; readonly store: DocStore; readonly logger: Logger }) {
    this.#bus = options.bus;
    this.#store = options.store;
    this.#logger = options.logger;
    this.#bus.onResync(() => {
      for (const room of this.#rooms.values()) {
        this.catchUp(room);
      }
    });
  }

  /** Before a room loads from the store: listen first, so that nothing stored after the load is missed. */
  async beforeLoad(name: RoomName): Promise<void> {
    this.#states.set(name, { early: [], catchingUp: null, isCatchUpDue: false });
    await this.#bus.joinRoom(name, (data, from) => this.#receive(name, data, from));
  }

  /** The room loaded: what arrived meanwhile is applied, and the others are asked for their presence. */
  afterLoad(room: Room<Connection>): void {
    const state = this.#states.get(room.target.name);
    this.#rooms.set(room.target.name, room);
    const early = state?.early ?? [];
    if (state !== undefined) {
      state.early = null;
    }
    for (const { message, from } of early) {
      this.#apply(room, message, from);
    }
    if (this.#bus.hasPeers) {
      this.#bus.publishRoom(room.target.name, encodeRoomMessage({ kind: 'queryAwareness' }));
    }
  }

  /** The room failed to load or was unloaded: stop listening. */
  forget(name: RoomName): void {
    this.#rooms.delete(name);
    this.#states.delete(name);
    this.#bus.leaveRoom(name);
  }

  /** The room's own commit stored `run`: tell the others, and catch up if others stored in between. */
  stored(room: Room<Connection>, run: StoredRun): void {
    const lastSeq = run.firstSeq + run.updates.length - 1;
    if (this.#bus.hasPeers) {
      this.#bus.publishRoom(
        room.target.name,
        encodeRoomMessage({ kind: 'stored', firstSeq: run.firstSeq, updates: run.updates, owners: run.owners }),
      );
    }
    this.#advance(room, run.firstSeq, lastSeq);
  }

  /** A connection of this process published presence (`update`, all of `userId`'s client ids). */
  publishAwareness(room: Room<Connection>, userId: UserId, update: Uint8Array): void {
    if (!this.#bus.hasPeers) {
      return;
    }
    this.#bus.publishRoom(room.target.name, encodeRoomMessage({ kind: 'awareness', userId, update }));
  }

  /** Loads what the room lacks from the store, once at a time per room. */
  catchUp(room: Room<Connection>): void {
    const state = this.#states.get(room.target.name);
    if (state === undefined || room.isDestroyed) {
      return;
    }
    if (state.catchingUp !== null) {
      state.isCatchUpDue = true;
      return;
    }
    state.catchingUp = this.#loadMissing(room).finally(() => {
      state.catchingUp = null;
      if (state.isCatchUpDue) {
        state.isCatchUpDue = false;
        this.catchUp(room);
      }
    });
  }

  /**
   * Resolves when the room holds everything any process stored when this was called (a
   * transition's snapshot); at once for a lone process, whose own commits are all there is.
   */
  async settle(room: Room<Connection>): Promise<void> {
    if (!this.#bus.hasPeers) {
      return;
    }
    this.catchUp(room);
    const state = this.#states.get(room.target.name);
    while (state !== undefined && state.catchingUp !== null) {
      await state.catchingUp;
    }
  }

  async #loadMissing(room: Room<Connection>): Promise<void> {
    try {
      const missing = await this.#store.load(room.target.name, room.log.lastSeq);
      if (room.isDestroyed) {
        return;
      }
      room.doc.transact(() => {
        for (const { seq, update } of missing) {
          if (seq > room.log.lastSeq) {
            Y.applyUpdate(room.doc, update, REMOTE_ORIGIN);
            room.log.lastSeq = seq;
          }
        }
      }, REMOTE_ORIGIN);
      if (missing.length > 0) {
        this.#logger.debug('caught up a room from the store', { room: room.name, updates: missing.length });
      }
    } catch (thrown) {
      this.#logger.error('catching up a room from the store failed', {
        room: room.name,
        error: toError(thrown).message,
      });
    }
  }

  /** Moves the room's known number on over a run it now holds, or catches up if the run leaves a gap. */
  #advance(room: Room<Connection>, firstSeq: number, lastSeq: number): void {
    if (lastSeq <= room.log.lastSeq) {
      return;
    }
    if (firstSeq > room.log.lastSeq + 1) {
      this.catchUp(room);
      return;
    }
    room.log.lastSeq = lastSeq;
  }

  #receive(name: RoomName, data: Uint8Array, from: string): void {
    let message: RoomMessage;
    try {
      message = decodeRoomMessage(data);
    } catch (thrown) {
      this.#logger.warn('ignored a room message that does not decode', {
        room: name,
        from,
        error: toError(thrown).message,
      });
      return;
    }
    const state = this.#states.get(name);
    if (state?.early) {
      state.early.push({ message, from });
      return;
    }
    const room = this.#rooms.get(name);
    if (room !== undefined && !room.isDestroyed) {
      this.#apply(room, message, from);
    }
  }

  #apply(room: Room<Connection>, message: RoomMessage, from: string): void {
    try {
      switch (message.kind) {
        case 'stored':
          this.#applyStored(room, message);
          return;
        case 'awareness':
          this.#applyAwareness(room, message.userId, message.update);
          return;
        case 'queryAwareness':
          this.#answerAwarenessQuery(room);
          return;
      }
    } catch (thrown) {
      this.#logger.warn('ignored a room message that does not apply', {
        room: room.name,
        from,
        error: toError(thrown).message,
      });
    }
  }

  #applyStored(room: Room<Connection>, message: Extract<RoomMessage, { kind: 'stored' }>): void {
    const lastSeq = message.firstSeq + message.updates.length - 1;
    if (lastSeq <= room.log.lastSeq) {
      return;
    }
    if (message.firstSeq > room.log.lastSeq + 1) {
      this.catchUp(room);
      return;
    }
    for (const [clientId, userId] of message.owners) {
      if (!room.clientOwners.has(clientId)) {
        room.clientOwners.set(clientId, userId);
      }
    }
    // One transaction, so the room's connections get one frame for the whole run.
    room.doc.transact(() => {
      message.updates.forEach((update, index) => {
        if (message.firstSeq + index > room.log.lastSeq) {
          Y.applyUpdate(room.doc, update, REMOTE_ORIGIN);
        }
      });
    }, REMOTE_ORIGIN);
    room.log.lastSeq = lastSeq;
    const store = room.doc.store;
    if (store.pendingStructs !== null || store.pendingDs !== null) {
      // Cannot happen when every process stores in order; if it did, the store has the whole truth.
      store.pendingStructs = null;
      store.pendingDs = null;
      room.log.lastSeq = message.firstSeq - 1;
      this.catchUp(room);
    }
  }

  #applyAwareness(room: Room<Connection>, userId: UserId, update: Uint8Array): void {
    const entries = decodeAwarenessEntries(update);
    awarenessProtocol.applyAwarenessUpdate(room.awareness, update, REMOTE_ORIGIN);
    for (const { clientId } of entries) {
      if (room.awareness.getStates().has(clientId)) {
        room.remoteAwarenessOwners.set(clientId, userId);
      } else {
        room.remoteAwarenessOwners.delete(clientId);
      }
    }
  }

  /** Sends the presence this process's connections publish, one message per user. */
  #answerAwarenessQuery(room: Room<Connection>): void {
    const byUser = new Map<UserId, number[]>();
    for (const [clientId, owner] of room.awarenessOwners) {
      const userId = owner.userId;
      if (userId !== null && room.awareness.getStates().has(clientId)) {
        byUser.set(userId, [...(byUser.get(userId) ?? []), clientId]);
      }
    }
    for (const [userId, clientIds] of byUser) {
      this.publishAwareness(room, userId, awarenessProtocol.encodeAwarenessUpdate(room.awareness, clientIds));
    }
  }
}
