import {
  DEFAULT_MAX_COMMENTS_ROOM_BYTES,
  DEFAULT_MAX_CONTENT_ROOM_BYTES,
  DEFAULT_MAX_UPDATE_BYTES,
} from '../shared/index';

const MIB = 1024 * 1024;

/**
 * What one server lets each user, connection and room hold (docs/PROTOCOL.md, "Quotas"). Every
 * figure is configurable (server/config.ts); the defaults are below.
 */
export interface Quotas {
  /** Largest Yjs update accepted into a room; a larger one is refused and the writer told why. */
  readonly maxUpdateBytes: number;
  /** Largest encoded state of a content room (what a new client's initial sync carries). */
  readonly maxContentRoomBytes: number;
  /** Largest encoded state of a comments room. */
  readonly maxCommentsRoomBytes: number;
  /** Largest total of held-back updates (dependencies missing) across all connections. */
  readonly maxHeldBytesTotal: number;
  /** Largest backlog of unsent bytes a reader may have on top of its initial sync before it is dropped as too slow. */
  readonly maxSendBacklogBytes: number;
  /** Largest total of frames a connection may send before it is admitted to its room. */
  readonly maxEarlyBytes: number;
  /** Open websocket connections per user, over all rooms. */
  readonly maxConnectionsPerUser: number;
  /** Open websocket connections per user to one room. */
  readonly maxConnectionsPerUserRoom: number;
  /** Open event streams (`GET /api/stream`) per user. */
  readonly maxStreamsPerUser: number;
}

export const DEFAULT_QUOTAS: Quotas = {
  // The frame limit's default: an update that fits in a frame fits in a room.
  maxUpdateBytes: DEFAULT_MAX_UPDATE_BYTES,
  // A long research report with a hundred photos (about 2 MB each) and its whole history.
  maxContentRoomBytes: DEFAULT_MAX_CONTENT_ROOM_BYTES,
  // Thousands of threads of text; comments carry no images.
  maxCommentsRoomBytes: DEFAULT_MAX_COMMENTS_ROOM_BYTES,
  // Sixteen connections at their own limit (MAX_HELD_BYTES_PER_CONNECTION) at once.
  maxHeldBytesTotal: 256 * MIB,
  // A reader this far behind on live traffic has stalled; its initial sync does not count.
  maxSendBacklogBytes: 64 * MIB,
  // A step 1, a presence and a few keystrokes typed while the server checks the session.
  maxEarlyBytes: 256 * 1024,
  // Open documents and background sync (two rooms each) in a few tabs on a few devices.
  maxConnectionsPerUser: 50,
  // One document open in a few tabs and devices at once.
  maxConnectionsPerUserRoom: 8,
  // One stream per tab: ten tabs or devices.
  maxStreamsPerUser: 10,
};
