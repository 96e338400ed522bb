import * as Y from 'yjs';
import { type Logger, toError } from '../logger';
import type { DocStore } from '../storage/DocStore';
import type { Room } from './Room';

/** A room's log is merged into one update once it has this many entries... */
const COMPACT_AFTER_UPDATES = 256;
/** ...or once the updates after the merged base outgrow the base and this many bytes. */
const COMPACT_AFTER_BYTES = 1024 * 1024;

/**
 * Merges a room's stored log into one update when it has grown past a threshold, so that loading
 * a room stays one short read and one apply. Called right after a flush and only when no edit
 * applied meanwhile waits for the next one, so that everything in the document is stored; the
 * merged update replaces the log through its last sequence number in one transaction. A failed
 * compaction leaves the log as it was.
 */
export async function compactIfDue(room: Room, store: DocStore, logger: Logger): Promise<void> {
  const { log } = room;
  const grownBytes = log.bytes - log.baseBytes;
  if (log.count < COMPACT_AFTER_UPDATES && grownBytes < Math.max(COMPACT_AFTER_BYTES, log.baseBytes)) {
    return;
  }
  if (log.lastSeq === 0) {
    return;
  }
  const merged = Y.encodeStateAsUpdate(room.doc);
  const throughSeq = log.lastSeq;
  const countBefore = log.count;
  // Reset first so that a flush during an asynchronous compaction does not start another one.
  log.count = 1;
  log.bytes = merged.byteLength;
  log.baseBytes = merged.byteLength;
  try {
    await store.compact(room.target.name, throughSeq, merged);
    logger.debug('compacted a room', { room: room.name, updates: countBefore, bytes: merged.byteLength });
  } catch (thrown) {
    log.count = countBefore;
    logger.error('compaction failed; the log is kept as it was', { room: room.name, error: toError(thrown).message });
  }
}
