import { z } from 'zod';
import type { Logger } from '../logger';
import type { ClusterBus } from './ClusterBus';

const id = z.string().min(1).max(100);

/**
 * The events the processes of a deployment tell each other (JSON on the bus's event channel):
 * rights that changed, live-stream events for users who may be connected to another process, and
 * the write holds of a transition. Read back from the bus, each is checked like any input.
 */
const clusterEventSchema = z.discriminatedUnion('type', [
  /** Decide again for the connections and streams of a user or a document (Relay.recheckAccess). */
  z.object({ type: z.literal('accessChanged'), userId: id.optional(), docId: id.optional() }),
  /** A server-sent event for these users' open streams. */
  z.object({
    type: z.literal('stream'),
    userIds: z.array(id).max(100_000),
    event: z.string().min(1).max(100),
    data: z.string().max(1024 * 1024),
  }),
  /** Drop updates of a room until released (or `ms` passed), then acknowledge to `from`. */
  z.object({
    type: z.literal('hold'),
    holdId: id,
    room: z.string().min(1).max(200),
    reason: z.string().max(2_000),
    ms: z
      .number()
      .int()
      .min(1)
      .max(10 * 60_000),
  }),
  z.object({ type: z.literal('holdAck'), holdId: id, to: id }),
  z.object({ type: z.literal('release'), holdId: id }),
]);

export type ClusterEvent = z.infer<typeof clusterEventSchema>;
export type ClusterEventType = ClusterEvent['type'];
type Handler<T extends ClusterEventType> = (event: Extract<ClusterEvent, { type: T }>, from: string) => void;

/** Typed events over the bus: publish one, or handle each type. */
export class ClusterEvents {
  readonly #bus: ClusterBus;
  readonly #handlers = new Map<ClusterEventType, ((event: ClusterEvent, from: string) => void)[]>();

  constructor(bus: ClusterBus, logger: Logger) {
    this.#bus = bus;
    bus.onEvent((text, from) => {
      let parsed: ClusterEvent;
      try {
        parsed = clusterEventSchema.parse(JSON.parse(text));
      } catch (thrown) {
        logger.warn('ignored a cluster event that is not one', {
          from,
          error: (thrown as Error).message.slice(0, 200),
        });
        return;
      }
      for (const handler of this.#handlers.get(parsed.type) ?? []) {
        handler(parsed, from);
      }
    });
  }

  get bus(): ClusterBus {
    return this.#bus;
  }

  /** Tells every other process; nothing when this process is alone. */
  publish(event: ClusterEvent): void {
    if (this.#bus.hasPeers) {
      this.#bus.publishEvent(JSON.stringify(event));
    }
  }

  on<T extends ClusterEventType>(type: T, handler: Handler<T>): void {
    const list = this.#handlers.get(type) ?? [];
    list.push(handler as (event: ClusterEvent, from: string) => void);
    this.#handlers.set(type, list);
  }
}
