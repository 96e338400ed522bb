import type { ParsedRoom, RoomName } from '../../shared/index';
import type { DocStore } from '../storage/DocStore';
import { loadRoomDoc } from './loadRoomDoc';
import { Room, type RoomHooks } from './Room';

/** What else must happen around a room's load and unload (the other processes' view: ClusterRooms). */
export interface RoomLifecycle<Member> {
  /** Before the room is read from the store. */
  beforeLoad(name: RoomName): Promise<void>;
  /** Once the room is in memory, before anyone joins it. */
  afterLoad(room: Room<Member>): void;
  /** After a failed load or an unload. */
  forget(name: RoomName): void;
}

/**
 * The rooms in memory. A room is loaded once however many connections ask for it at the same
 * time, and unloaded only when no connection is left and none of its writes is pending, so a
 * load can never race an unload and serve a stale or empty document.
 */
export class RoomRegistry<Member> {
  readonly #store: DocStore;
  readonly #hooks: RoomHooks<Member>;
  readonly #lifecycle: RoomLifecycle<Member>;
  readonly #rooms = new Map<RoomName, Room<Member>>();
  readonly #loading = new Map<RoomName, Promise<Room<Member>>>();

  constructor(store: DocStore, hooks: RoomHooks<Member>, lifecycle: RoomLifecycle<Member>) {
    this.#store = store;
    this.#hooks = hooks;
    this.#lifecycle = lifecycle;
  }

  /** The room if it is in memory now, claimed so it is not unloaded; null otherwise. */
  loaded(target: ParsedRoom): Room<Member> | null {
    const room = this.#rooms.get(target.name);
    if (room === undefined) {
      return null;
    }
    room.shouldUnloadAfterFlush = false;
    return room;
  }

  /**
   * The room named `name` if it is in memory now, without claiming it: for reading its document
   * in passing, so that a room waiting to unload still unloads.
   */
  peek(name: RoomName): Room<Member> | null {
    return this.#rooms.get(name) ?? null;
  }

  /** The loaded room, loading it from storage first if needed. Rejects when the load fails. */
  acquire(target: ParsedRoom): Promise<Room<Member>> {
    const loaded = this.#rooms.get(target.name);
    if (loaded !== undefined) {
      loaded.shouldUnloadAfterFlush = false;
      return Promise.resolve(loaded);
    }
    const inFlight = this.#loading.get(target.name);
    if (inFlight !== undefined) {
      return inFlight;
    }
    const load = this.#load(target).finally(() => this.#loading.delete(target.name));
    this.#loading.set(target.name, load);
    return load;
  }

  async #load(target: ParsedRoom): Promise<Room<Member>> {
    try {
      await this.#lifecycle.beforeLoad(target.name);
      const [stored, owners] = await Promise.all([
        this.#store.load(target.name),
        this.#store.loadClientOwners(target.name),
      ]);
      const { doc, log } = loadRoomDoc(target.name, stored);
      const room = new Room(target, doc, log, this.#hooks);
      for (const [clientId, userId] of owners) {
        room.clientOwners.set(clientId, userId);
      }
      this.#rooms.set(target.name, room);
      this.#lifecycle.afterLoad(room);
      return room;
    } catch (thrown) {
      this.#lifecycle.forget(target.name);
      throw thrown;
    }
  }

  /** Removes a room from memory without storing anything more. */
  unload(room: Room<Member>): void {
    if (this.#rooms.get(room.target.name) === room) {
      this.#rooms.delete(room.target.name);
      this.#lifecycle.forget(room.target.name);
    }
    room.destroy();
  }

  /** Every loaded room. */
  rooms(): IterableIterator<Room<Member>> {
    return this.#rooms.values();
  }

  get size(): number {
    return this.#rooms.size;
  }

  /** Resolves when no load is in flight. */
  async settle(): Promise<void> {
    await Promise.allSettled([...this.#loading.values()]);
  }
}
