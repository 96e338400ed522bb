import { randomUUID } from 'node:crypto';
import type { ClusterBus } from './ClusterBus';

type RoomListener = (message: Uint8Array, from: string) => void;
type EventListener = (event: string, from: string) => void;

/**
 * Several processes' buses in one test process: each `connect()` is one process. Messages are
 * delivered on a later turn, as over a network, and `cut`/`restore` play a lost connection (what
 * is published to or by a cut bus is lost, and restoring it calls its resync listeners).
 */
export class MemoryBusNetwork {
  readonly #buses = new Set<MemoryBus>();

  connect(): MemoryBus {
    const bus = new MemoryBus(this.#buses);
    this.#buses.add(bus);
    return bus;
  }
}

export class MemoryBus implements ClusterBus {
  readonly processId = randomUUID();
  readonly hasPeers = true;
  readonly #network: Set<MemoryBus>;
  readonly #rooms = new Map<string, RoomListener>();
  readonly #events = new Set<EventListener>();
  readonly #resyncs = new Set<() => void>();
  #isCut = false;

  constructor(network: Set<MemoryBus>) {
    this.#network = network;
  }

  joinRoom(room: string, onMessage: RoomListener): Promise<void> {
    this.#rooms.set(room, onMessage);
    return Promise.resolve();
  }

  leaveRoom(room: string): void {
    this.#rooms.delete(room);
  }

  publishRoom(room: string, message: Uint8Array): void {
    const copy = message.slice();
    this.#toOthers((bus) => bus.#rooms.get(room)?.(copy, this.processId));
  }

  onEvent(listener: EventListener): () => void {
    this.#events.add(listener);
    return () => this.#events.delete(listener);
  }

  publishEvent(event: string): void {
    this.#toOthers((bus) => {
      for (const listener of bus.#events) {
        listener(event, this.processId);
      }
    });
  }

  onResync(listener: () => void): () => void {
    this.#resyncs.add(listener);
    return () => this.#resyncs.delete(listener);
  }

  countProcesses(): Promise<number> {
    return Promise.resolve([...this.#network].filter((bus) => !bus.#isCut).length);
  }

  /** Loses every message to and from this bus until `restore`. */
  cut(): void {
    this.#isCut = true;
  }

  /** Reconnects and tells the resync listeners. */
  restore(): void {
    this.#isCut = false;
    for (const listener of this.#resyncs) {
      listener();
    }
  }

  close(): Promise<void> {
    this.#network.delete(this);
    this.#rooms.clear();
    this.#events.clear();
    return Promise.resolve();
  }

  #toOthers(deliver: (bus: MemoryBus) => void): void {
    if (this.#isCut) {
      return;
    }
    for (const bus of this.#network) {
      if (bus !== this) {
        setImmediate(() => {
          if (!bus.#isCut && this.#network.has(bus)) {
            deliver(bus);
          }
        });
      }
    }
  }
}
