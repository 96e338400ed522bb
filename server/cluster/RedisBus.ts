import { randomUUID } from 'node:crypto';
import Redis from 'ioredis';
import type { ClusterBus } from './ClusterBus';

export interface RedisBusOptions {
  /** REDIS_URL, for example redis://127.0.0.1:6379. */
  readonly url: string;
  /** Prefix of every channel: deployments (and tests) sharing one Redis keep apart. */
  readonly prefix?: string;
  /** Told when the connection drops or comes back. */
  readonly onConnectionChange?: (state: 'lost' | 'back', detail: string) => void;
}

/** A process id is a UUID: 36 ASCII bytes in front of every message. */
const ID_BYTES = 36;

/**
 * The bus over Redis pub/sub: one connection publishes, one subscribes (a subscribed Redis
 * connection can do nothing else). Every message carries the id of the process that sent it, so
 * that a process skips its own. ioredis reconnects by itself and subscribes again; since pub/sub
 * keeps nothing for a subscriber that was away, each reconnection of the subscriber is a resync.
 * Both connections are named `jianyan-pub-<process id>` and `jianyan-sub-<process id>` (CLIENT LIST).
 */
export class RedisBus implements ClusterBus {
  readonly processId: string;
  readonly hasPeers = true;
  readonly #pub: Redis;
  readonly #sub: Redis;
  readonly #prefix: string;
  readonly #rooms = new Map<string, (message: Uint8Array, from: string) => void>();
  readonly #events = new Set<(event: string, from: string) => void>();
  readonly #resyncs = new Set<() => void>();
  readonly #idBytes: Buffer;
  #wasLost = false;

  private constructor(options: RedisBusOptions, processId: string, pub: Redis, sub: Redis) {
    this.processId = processId;
    this.#prefix = options.prefix ?? 'jianyan:';
    this.#pub = pub;
    this.#sub = sub;
    this.#idBytes = Buffer.from(this.processId, 'ascii');
    this.#sub.on('messageBuffer', (channel: Buffer, message: Buffer) => this.#receive(channel.toString(), message));
    this.#sub.on('close', () => {
      if (!this.#wasLost) {
        this.#wasLost = true;
        options.onConnectionChange?.('lost', 'the Redis subscription closed');
      }
    });
    this.#sub.on('ready', () => {
      if (this.#wasLost) {
        this.#wasLost = false;
        options.onConnectionChange?.('back', 'subscribed again');
        for (const listener of this.#resyncs) {
          listener();
        }
      }
    });
    // Errors are reported through onConnectionChange; an unhandled 'error' would end the process.
    this.#pub.on('error', () => {});
    this.#sub.on('error', () => {});
  }

  /** Connects both connections and subscribes to the deployment's events; rejects if Redis does not answer. */
  static async open(options: RedisBusOptions): Promise<RedisBus> {
    const id = randomUUID();
    const connect = (role: string) =>
      new Redis(options.url, { lazyConnect: true, connectTimeout: 5_000, connectionName: `jianyan-${role}-${id}` });
    const pub = connect('pub');
    const sub = connect('sub');
    try {
      await Promise.all([pub.connect(), sub.connect()]);
    } catch (thrown) {
      pub.disconnect();
      sub.disconnect();
      throw new Error(`Cannot reach Redis at ${options.url}: ${(thrown as Error).message}`);
    }
    const bus = new RedisBus(options, id, pub, sub);
    await sub.subscribe(bus.#eventsChannel);
    return bus;
  }

  async joinRoom(room: string, onMessage: (message: Uint8Array, from: string) => void): Promise<void> {
    const isNew = !this.#rooms.has(room);
    this.#rooms.set(room, onMessage);
    if (isNew) {
      await this.#sub.subscribe(this.#roomChannel(room));
    }
  }

  leaveRoom(room: string): void {
    if (this.#rooms.delete(room)) {
      this.#sub.unsubscribe(this.#roomChannel(room)).catch(() => {});
    }
  }

  publishRoom(room: string, message: Uint8Array): void {
    this.#publish(this.#roomChannel(room), message);
  }

  onEvent(listener: (event: string, from: string) => void): () => void {
    this.#events.add(listener);
    return () => this.#events.delete(listener);
  }

  publishEvent(event: string): void {
    this.#publish(this.#eventsChannel, Buffer.from(event, 'utf8'));
  }

  onResync(listener: () => void): () => void {
    this.#resyncs.add(listener);
    return () => this.#resyncs.delete(listener);
  }

  async countProcesses(): Promise<number> {
    const answer = (await this.#pub.pubsub('NUMSUB', this.#eventsChannel)) as [string, number];
    return Math.max(1, Number(answer[1]));
  }

  async close(): Promise<void> {
    this.#rooms.clear();
    this.#events.clear();
    this.#resyncs.clear();
    await Promise.allSettled([this.#sub.quit(), this.#pub.quit()]);
  }

  get #eventsChannel(): string {
    return `${this.#prefix}events`;
  }

  #roomChannel(room: string): string {
    return `${this.#prefix}room:${room}`;
  }

  #publish(channel: string, payload: Uint8Array): void {
    const message = Buffer.concat([this.#idBytes, payload]);
    // A publish that fails is lost like any message the bus drops; receivers notice the gap.
    this.#pub.publish(channel, message).catch(() => {});
  }

  #receive(channel: string, message: Buffer): void {
    if (message.byteLength < ID_BYTES) {
      return;
    }
    const from = message.toString('ascii', 0, ID_BYTES);
    if (from === this.processId) {
      return;
    }
    const payload = message.subarray(ID_BYTES);
    if (channel === this.#eventsChannel) {
      const text = payload.toString('utf8');
      for (const listener of this.#events) {
        listener(text, from);
      }
      return;
    }
    const room = channel.startsWith(`${this.#prefix}room:`) ? channel.slice(this.#prefix.length + 5) : null;
    if (room !== null) {
      this.#rooms.get(room)?.(new Uint8Array(payload), from);
    }
  }
}
