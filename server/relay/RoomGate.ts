import type { CloseCode, ParsedRoom, UserId } from '../../shared/index';

/**
 * What one connection may do in its room, decided before any byte of the room is sent. Each
 * `reason` is wire text, `<code>: <sentence>` (formatRelayReason).
 */
export type RoomAccess =
  | { readonly kind: 'write'; readonly userId: UserId }
  /** Receives updates; its own updates are dropped and answered with `reason`. */
  | { readonly kind: 'read'; readonly userId: UserId; readonly reason: string }
  /** Closed with `code` (4401 or 4403) and `reason` before anything is sent. */
  | { readonly kind: 'refuse'; readonly code: CloseCode; readonly reason: string };

/** The relay's access port: sessions, tokens and `can()` live behind it. */
export interface RoomGate {
  /** Decides what the holder of `credential` (null: none presented) may do in `room`. */
  decide(credential: string | null, room: ParsedRoom): Promise<RoomAccess>;
}

/** Access the gate granted: what an admitted connection carries. */
export type GrantedAccess = Exclude<RoomAccess, { readonly kind: 'refuse' }>;
