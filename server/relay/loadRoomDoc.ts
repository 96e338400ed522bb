import * as Y from 'yjs';
import type { RoomName } from '../../shared/index';
import { toError } from '../logger';
import type { StoredUpdate } from '../storage/DocStore';
import type { LogSize } from './Room';

/** The stored state of a room could not be turned into a document; nothing may be served. */
export class RoomLoadError extends Error {
  constructor(room: RoomName, detail: string) {
    super(`Cannot load room ${room}: ${detail}`);
    this.name = 'RoomLoadError';
  }
}

/**
 * Builds a room's document from its stored log. Rows read back from storage are untrusted: a row
 * that does not decode, or a log that leaves content waiting for missing parts, fails the load
 * instead of serving a partial (or empty) document that clients would then overwrite.
 */
export function loadRoomDoc(room: RoomName, stored: readonly StoredUpdate[]): { doc: Y.Doc; log: LogSize } {
  const doc = new Y.Doc({ gc: false });
  let bytes = 0;
  try {
    doc.transact(() => {
      for (const { update } of stored) {
        Y.applyUpdate(doc, update);
        bytes += update.byteLength;
      }
    });
  } catch (thrown) {
    doc.destroy();
    throw new RoomLoadError(room, `a stored update does not decode (${toError(thrown).message})`);
  }
  if (doc.store.pendingStructs !== null || doc.store.pendingDs !== null) {
    doc.destroy();
    throw new RoomLoadError(room, 'the stored updates refer to content that is not stored');
  }
  const log: LogSize = {
    count: stored.length,
    bytes,
    baseBytes: stored[0]?.update.byteLength ?? 0,
    lastSeq: stored.at(-1)?.seq ?? 0,
  };
  return { doc, log };
}
