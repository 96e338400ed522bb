import * as awarenessProtocol from 'y-protocols/awareness';
import * as Y from 'yjs';
import { CloseCode, readSchemaVersion } from '../../shared/index';
import { formatRelayReason, RelayReasonCode } from '../../shared/protocol/relayReasons';
import { type Logger, toError } from '../logger';
import type { ClusterRooms } from './ClusterRooms';
import { type Connection, SendKind } from './Connection';
import { changesDoc, checkUpdate, type Decoded } from './checkUpdate';
import { enforceAwarenessRules } from './enforceAwarenessRules';
import { enforceContentRules } from './enforceContentRules';
import type { GroupCommit } from './GroupCommit';
import type { HeldBudget } from './HeldBudget';
import { ProtocolError } from './ProtocolError';
import type { Frame } from './parseFrame';
import { encodeAwarenessMessage, encodePermissionDenied, encodeSyncStep1, encodeSyncStep2 } from './protocolMessages';
import type { Room } from './Room';
import { refusalOf, refuseUpdate } from './rules/refuseUpdate';
import type { UpdateQuota } from './UpdateQuota';
import type { WriteHolds } from './WriteHolds';

export interface FrameContext {
  readonly commit: GroupCommit;
  readonly logger: Logger;
  /** Largest total of held-back updates per connection. */
  readonly maxHeldBytes: number;
  /** The newest content format clients may write (RULES.md D3). */
  readonly contentSchemaVersion: number;
  /** Rooms whose updates are dropped for now, whoever sends them (see Relay.holdWrites). */
  readonly holds: WriteHolds;
  /** The held-back updates of all connections together, against one budget. */
  readonly heldBudget: HeldBudget;
  /** The per-update and per-room size quotas. */
  readonly quota: UpdateQuota;
  /** The other processes holding the room (presence is published to them). */
  readonly cluster: ClusterRooms;
}

/** Handles one parsed frame of a connection whose room is loaded. Throws ProtocolError on bad input. */
export function handleFrame(
  context: FrameContext,
  connection: Connection,
  room: Room<Connection>,
  frame: Frame,
  raw: Uint8Array,
): void {
  switch (frame.kind) {
    case 'syncStep1':
      answerStep1(context, connection, room, frame.stateVector);
      return;
    case 'syncStep2':
    case 'update':
      receiveUpdate(context, connection, room, frame.update);
      return;
    case 'awareness':
      receiveAwareness(context, connection, room, frame.update, raw);
      return;
    case 'queryAwareness':
      sendAllAwareness(context, connection, room);
      return;
  }
}

/**
 * Answers with what the client lacks, then with the server's own state vector, so the client can
 * send what the server lacks and learn which of its changes the server holds. Both leave after
 * everything received before this step 1 is stored.
 */
function answerStep1(
  context: FrameContext,
  connection: Connection,
  room: Room<Connection>,
  stateVector: Uint8Array,
): void {
  context.commit.send(connection, encodeSyncStep2(room.doc, stateVector), SendKind.syncAnswer);
  context.commit.send(connection, encodeSyncStep1(room.doc));
}

/**
 * Why this connection may not change the room right now; null when it may. Its access (the gate
 * may grant only reading) comes first; then a document newer than the client's schema, which an
 * older app would strip of what it does not know.
 */
function readOnlyReason(connection: Connection, room: Room<Connection>): string | null {
  if (connection.access === null) {
    return formatRelayReason(RelayReasonCode.notAdmitted);
  }
  if (connection.access.kind === 'read') {
    return connection.access.reason;
  }
  const docSchema = readSchemaVersion(room.doc);
  if (connection.schemaVersion !== null && docSchema !== null && docSchema > connection.schemaVersion) {
    return formatRelayReason(
      RelayReasonCode.schemaTooNew,
      `this document uses format ${docSchema}, newer than this app's ${connection.schemaVersion}: reload to update the app before editing`,
    );
  }
  return null;
}

function receiveUpdate(
  context: FrameContext,
  connection: Connection,
  room: Room<Connection>,
  update: Uint8Array,
): void {
  const reason =
    readOnlyReason(connection, room) ?? context.holds.reasonFor(room.target.name) ?? connection.writeRefusal;
  if (reason !== null) {
    // Dropped, never stored. Told once, and only for a real change: a reader's handshake step 2
    // usually carries nothing new. A writer dropped during a hold is asked again when it ends.
    if (!connection.hasBeenToldReadOnly && changesDoc(room.doc, update)) {
      connection.hasBeenToldReadOnly = true;
      context.commit.send(connection, encodePermissionDenied(reason));
    }
    return;
  }
  if (!context.quota.admits(connection, room, update)) {
    return;
  }
  const check = checkUpdate(room.doc, update);
  if (check.kind === 'invalid') {
    throw new ProtocolError(CloseCode.badUpdate, RelayReasonCode.badUpdate, check.reason);
  }
  if (check.kind === 'missing') {
    hold(context, connection, update);
    return;
  }
  if (!isAllowedByRules(context, room, connection, update, check.decoded)) {
    return;
  }
  applyChecked(context, room, update, connection);
  releaseHeld(context, room);
}

/**
 * Whether the room's rules accept a checked update from this connection (docs/RULES.md: comments
 * CM1-CM10, content D1-D6). A refused update is not applied, stored or relayed; its sender is told
 * why and closed, since an honest client keeps the same rules before it writes. For an update held
 * back and now released, the connection refused is the held update's own, not the one whose frame
 * released it.
 */
function isAllowedByRules(
  context: FrameContext,
  room: Room<Connection>,
  connection: Connection,
  update: Uint8Array,
  decoded: Decoded,
): boolean {
  const refusal = refusalOf(room, connection, update) ?? enforceContentRules(context, connection, room, decoded);
  if (refusal === null) {
    return true;
  }
  refuseUpdate(context.logger, connection, refusal);
  return false;
}

function hold(context: FrameContext, connection: Connection, update: Uint8Array): void {
  if (connection.heldBytes + update.byteLength > context.maxHeldBytes) {
    throw new ProtocolError(
      CloseCode.missingDependencies,
      RelayReasonCode.missingDependencies,
      'too many updates whose dependencies never arrived; reconnect to resynchronise',
    );
  }
  if (!context.heldBudget.hasRoomFor(update.byteLength)) {
    throw new ProtocolError(
      CloseCode.tryAgainLater,
      RelayReasonCode.serverBusy,
      `the server holds ${context.heldBudget.totalBytes} bytes of incomplete updates, its limit; reconnect later`,
    );
  }
  connection.hold(update);
}

function applyChecked(context: FrameContext, room: Room<Connection>, update: Uint8Array, origin: Connection): void {
  Y.applyUpdate(room.doc, update, origin);
  const store = room.doc.store;
  if (store.pendingStructs !== null || store.pendingDs !== null) {
    // checkUpdate should have held this update back. Whatever did not integrate is not part of the
    // document, was not stored and was not relayed; drop it so every client sees the same state.
    context.logger.warn('dropped pending structs after a checked update', { room: room.name, connection: origin.id });
    store.pendingStructs = null;
    store.pendingDs = null;
  }
}

/** Applies held-back updates of the room's connections whose dependencies have now arrived. */
function releaseHeld(context: FrameContext, room: Room<Connection>): void {
  let hasProgress = true;
  while (hasProgress) {
    hasProgress = false;
    for (const connection of room.connections) {
      if (connection.held.length === 0) {
        continue;
      }
      const stillHeld: Uint8Array[] = [];
      for (const update of connection.held) {
        const check = checkUpdate(room.doc, update);
        if (check.kind !== 'ok') {
          stillHeld.push(update);
          continue;
        }
        if (!context.quota.admits(connection, room, update)) {
          // Refused: the connection's writes end here, and admits() dropped what it held.
          break;
        }
        if (!isAllowedByRules(context, room, connection, update, check.decoded)) {
          // The connection is closed: what else it held goes with it, applied by nobody.
          stillHeld.length = 0;
          break;
        }
        applyChecked(context, room, update, connection);
        hasProgress = true;
      }
      if (connection.writeRefusal === null) {
        connection.setHeld(stillHeld);
      }
    }
  }
}

function receiveAwareness(
  context: FrameContext,
  connection: Connection,
  room: Room<Connection>,
  update: Uint8Array,
  raw: Uint8Array,
): void {
  const admitted = enforceAwarenessRules(connection, room, update, raw);
  if (admitted === null) {
    return;
  }
  try {
    awarenessProtocol.applyAwarenessUpdate(room.awareness, admitted.update, connection);
  } catch (thrown) {
    throw new ProtocolError(
      CloseCode.badMessage,
      RelayReasonCode.badFrame,
      `bad awareness update: ${toError(thrown).message}`,
    );
  }
  if (connection.userId !== null) {
    context.cluster.publishAwareness(room, connection.userId, admitted.update);
  }
  // The frame as received unless an identity was set: it was fully parsed above, and re-encoding
  // it would cost more.
  const frame = admitted.frame.slice();
  for (const other of room.connections) {
    if (other !== connection) {
      context.commit.send(other, frame);
    }
  }
}

export function sendAllAwareness(context: FrameContext, connection: Connection, room: Room<Connection>): void {
  const clients = [...room.awareness.getStates().keys()];
  if (clients.length > 0) {
    const update = awarenessProtocol.encodeAwarenessUpdate(room.awareness, clients);
    context.commit.send(connection, encodeAwarenessMessage(update));
  }
}
