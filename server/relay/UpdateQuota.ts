import * as Y from 'yjs';
import { RoomKind } from '../../shared/index';
import { formatRelayReason, RelayReasonCode } from '../../shared/protocol/relayReasons';
import type { Logger } from '../logger';
import type { Quotas } from '../quotas';
import type { Connection } from './Connection';
import { changesDoc } from './checkUpdate';
import type { GroupCommit } from './GroupCommit';
import { encodePermissionDenied } from './protocolMessages';
import type { Room } from './Room';

/** The limits an update is checked against. */
export type UpdateLimits = Pick<Quotas, 'maxUpdateBytes' | 'maxContentRoomBytes' | 'maxCommentsRoomBytes'>;

/**
 * A room's size is measured again (by encoding its whole state) only once its upper bound grew by
 * this share of its limit since the last measure: a room near its limit is not encoded anew for
 * every keystroke, at the cost of calling it full up to this much early.
 */
const REMEASURE_SHARE = 1 / 64;
const MIN_REMEASURE_BYTES = 64 * 1024;

const MIB = 1024 * 1024;

function sizeText(bytes: number): string {
  return bytes >= MIB ? `${Math.round((bytes / MIB) * 10) / 10} MiB` : `${Math.ceil(bytes / 1024)} KiB`;
}

/**
 * Keeps updates within the per-update and per-room quotas. A refused update is neither applied,
 * stored nor relayed; its writer is told why once, and its later updates are dropped too (they
 * build on the refused one, so could never be applied), while it keeps reading the room. The
 * client keeps everything unsent on its device (docs/PROTOCOL.md, "Quotas").
 */
export class UpdateQuota {
  readonly #limits: UpdateLimits;
  readonly #commit: GroupCommit;
  readonly #logger: Logger;

  constructor(limits: UpdateLimits, commit: GroupCommit, logger: Logger) {
    this.#limits = limits;
    this.#commit = commit;
    this.#logger = logger;
  }

  /** Whether `update` fits; if not, refuses the connection's writes from now on and tells it why. */
  admits(connection: Connection, room: Room<Connection>, update: Uint8Array): boolean {
    const reason = this.#refusalFor(room, update);
    if (reason === null) {
      return true;
    }
    connection.writeRefusal = reason;
    connection.hasBeenToldReadOnly = true;
    connection.setHeld();
    this.#logger.warn('refused an update over quota', {
      room: room.name,
      connection: connection.id,
      userId: connection.userId,
      bytes: update.byteLength,
      roomBytes: room.stateBytes,
      reason,
    });
    this.#commit.send(connection, encodePermissionDenied(reason));
    return false;
  }

  /** The wire reason why `update` may not enter `room`; null when it may. */
  #refusalFor(room: Room<Connection>, update: Uint8Array): string | null {
    const { maxUpdateBytes } = this.#limits;
    const maxRoomBytes = this.#maxRoomBytes(room);
    const isTooLarge = update.byteLength > maxUpdateBytes;
    if (!isTooLarge && room.stateBytes + update.byteLength <= maxRoomBytes) {
      return null;
    }
    // A handshake step 2 that brings nothing new (it carries the client's whole delete set) is
    // no growth, whatever its size.
    if (!changesDoc(room.doc, update)) {
      return null;
    }
    if (isTooLarge) {
      return formatRelayReason(
        RelayReasonCode.updateTooLarge,
        `a change of ${sizeText(update.byteLength)} is larger than the ${sizeText(maxUpdateBytes)} the server accepts: it stays on this device`,
      );
    }
    measureIfDue(room, maxRoomBytes);
    if (room.stateBytes + update.byteLength <= maxRoomBytes) {
      return null;
    }
    return formatRelayReason(
      RelayReasonCode.roomFull,
      `this ${room.target.kind === RoomKind.comments ? "document's comments" : 'document'} reached its size limit of ${sizeText(maxRoomBytes)}: new changes stay on this device`,
    );
  }

  #maxRoomBytes(room: Room<Connection>): number {
    return room.target.kind === RoomKind.comments
      ? this.#limits.maxCommentsRoomBytes
      : this.#limits.maxContentRoomBytes;
  }
}

/** Replaces the room's upper bound by its exact size, unless measured recently. */
function measureIfDue(room: Room, maxRoomBytes: number): void {
  const slack = Math.max(MIN_REMEASURE_BYTES, maxRoomBytes * REMEASURE_SHARE);
  if (room.measuredStateBytes !== null && room.stateBytes - room.measuredStateBytes < slack) {
    return;
  }
  room.stateBytes = Y.encodeStateAsUpdate(room.doc).byteLength;
  room.measuredStateBytes = room.stateBytes;
}
