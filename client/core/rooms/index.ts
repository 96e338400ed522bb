/**
 * A document's Y.Docs while open: loaded from the device, connected to the relay, every update
 * stored as it is made and acknowledged by the server; one session per room, shared in a tab.
 */

export { CommentsSession } from './CommentsSession';
export { type CloseInfo, type ConnectionGate, OPEN_GATE } from './ConnectionGate';
export { ContentSession, type ContentSessionOptions } from './ContentSession';
export type { Claim, ClaimOptions } from './claimRegistry';
export type { DocConnection } from './DocConnection';
export { fragmentText } from './docText';
export type { RoomSession, RoomSessionOptions, RoomState } from './RoomSession';
export { Rooms, type RoomsOptions, type SyncOnceOptions } from './Rooms';
export type { SyncOutcome } from './syncOnce';
export {
  deriveSyncStatus,
  INITIAL_SYNC_FACTS,
  type SyncFacts,
  SyncPhase,
  type SyncProblem,
  type SyncStatus,
  UNREACHABLE_AFTER_FAILURES,
} from './syncStatus';
export { classifyOrigin, DEVICE_ORIGIN, UpdateOrigin } from './updateOrigin';
export { type WhenAcknowledgedOptions, whenAcknowledged } from './whenAcknowledged';
