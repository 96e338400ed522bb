/**
 * How the processes of one deployment tell each other what happened: the stored updates and the
 * presence of each room (one channel per room, binary), and events of the whole deployment (one
 * channel, JSON). Adapters: `LocalBus` (one process, the default), `MemoryBusNetwork` (several
 * relays in one test process) and `RedisBus` (Redis pub/sub, with REDIS_URL).
 *
 * Delivery is at most once and unordered between channels: a message may be lost while a process
 * is cut off from the bus. Nothing relies on the bus for durability; a process that may have missed
 * messages is told (`onResync`) and catches up from the database.
 */
export interface ClusterBus {
  /** This process's id, unique in the deployment; the bus never delivers a process its own messages. */
  readonly processId: string;
  /** False for the bus of a lone process, which has nobody to tell: callers skip encoding messages. */
  readonly hasPeers: boolean;
  /**
   * Listens to a room's channel; resolves once subscribed, so that what is published from then
   * on reaches `onMessage`. One listener per room: a second call replaces the first.
   */
  joinRoom(room: string, onMessage: (message: Uint8Array, from: string) => void): Promise<void>;
  /** Stops listening to a room's channel. */
  leaveRoom(room: string): void;
  /** Sends to the other processes that listen to the room. */
  publishRoom(room: string, message: Uint8Array): void;
  /** Listens to the deployment's events (JSON text); returns the function that stops. */
  onEvent(listener: (event: string, from: string) => void): () => void;
  /** Sends an event (JSON text) to every other process. */
  publishEvent(event: string): void;
  /** Called after the bus was cut off and is back: messages may have been lost meanwhile. */
  onResync(listener: () => void): () => void;
  /** How many processes listen to the deployment's events, this one included. */
  countProcesses(): Promise<number>;
  /** Stops listening and releases connections. */
  close(): Promise<void>;
}
