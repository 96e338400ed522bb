import * as awarenessProtocol from 'y-protocols/awareness';
import type * as Y from 'yjs';
import type { ParsedRoom, UserId } from '../../shared/index';
import type { DocumentSummary } from '../storage/DocStore';

/** What a room reports to the relay; both run synchronously inside Yjs events. */
export interface RoomHooks<Member> {
  onDocUpdate(room: Room<Member>, update: Uint8Array, origin: unknown): void;
  onAwarenessChange(room: Room<Member>, change: AwarenessChange, origin: unknown): void;
}

/** Client ids whose awareness state changed in one awareness update. */
export interface AwarenessChange {
  readonly added: readonly number[];
  readonly updated: readonly number[];
  readonly removed: readonly number[];
}

/** The size of a room's stored update log, which decides when to compact it. */
export interface LogSize {
  count: number;
  bytes: number;
  /** Bytes of the first (merged) entry: compaction is worth it once the rest outgrows it. */
  baseBytes: number;
  /** The sequence number of the last stored update; 0 when nothing is stored. */
  lastSeq: number;
}

/**
 * One loaded Y.Doc with its awareness and the connections editing it. The relay's rooms hold its
 * Connections (`Room<Connection>`); the type is a parameter so that this file need not import the
 * connection, which refers back to its room. Code that never touches the connections takes any room.
 */
export class Room<Member = unknown> {
  readonly target: ParsedRoom;
  readonly doc: Y.Doc;
  readonly awareness: awarenessProtocol.Awareness;
  readonly connections = new Set<Member>();
  readonly log: LogSize;
  /** The document summary last written for the list; null before the first. */
  lastSummary: DocumentSummary | null = null;
  /** The user whose update was applied last; null before the first since the room loaded. */
  lastAuthor: UserId | null = null;
  /**
   * The user who owns each Yjs client id of this room (RULES.md D6): loaded with the room, and
   * extended, in memory and in storage, by each accepted update that brings a new client id.
   */
  readonly clientOwners = new Map<number, UserId>();
  /** The connection that publishes each awareness client id of the room (RULES.md A1). */
  readonly awarenessOwners = new Map<number, Member>();
  /** The user whose connection to another process publishes each of the others' client ids. */
  readonly remoteAwarenessOwners = new Map<number, UserId>();
  /** Users already recorded as authors of this document, so a batch records each only once. */
  readonly recordedAuthors = new Set<UserId>();
  /** Whether changes were stored after the last summary was written. */
  hasUnwrittenSummary = false;
  /**
   * At least the size of the document's encoded state (what a new client's sync step 2
   * carries): the stored log's size at load, plus every update applied since, until measured.
   */
  stateBytes: number;
  /** `stateBytes` when it was last measured exactly; null before the first measure. */
  measuredStateBytes: number | null = null;
  /** Set when the last connection left while writes were pending: unload after the flush. */
  shouldUnloadAfterFlush = false;
  isDestroyed = false;

  constructor(target: ParsedRoom, doc: Y.Doc, log: LogSize, hooks: RoomHooks<Member>) {
    this.target = target;
    this.doc = doc;
    this.log = log;
    // Merging updates never makes them larger than the sum of their sizes.
    this.stateBytes = log.bytes;
    this.awareness = new awarenessProtocol.Awareness(doc);
    // The server itself has no presence.
    this.awareness.setLocalState(null);
    doc.on('update', (update: Uint8Array, origin: unknown) => hooks.onDocUpdate(this, update, origin));
    this.awareness.on('update', (change: AwarenessChange, origin: unknown) => {
      hooks.onAwarenessChange(this, change, origin);
    });
  }

  get name(): string {
    return this.target.name;
  }

  destroy(): void {
    this.isDestroyed = true;
    this.awareness.destroy();
    this.doc.destroy();
  }
}
