import type { CloseCode, DocKind, ParsedRoom, Role, UserId } from '../../shared/index';

/**
 * What the server knows of the person and the document behind an admitted connection, so the
 * relay can enforce the content and presence rules (RULES.md D4, A4). Absent from gates that do
 * not know (test gates): then the relay checks what it can without it.
 */
export interface AccessFacts {
  /** The account's display name and role, which presence shows. */
  readonly person?: { readonly name: string; readonly role: Role };
  /** The kind on the document's record. */
  readonly docKind?: DocKind;
}

/**
 * What one connection may do in its room, decided before any byte of the room is sent. Each
 * `reason` is wire text, `<code>: <sentence>` (formatRelayReason).
 */
export type RoomAccess =
  | ({ readonly kind: 'write'; readonly userId: UserId } & AccessFacts)
  /** Receives updates; its own updates are dropped and answered with `reason`. */
  | ({ readonly kind: 'read'; readonly userId: UserId; readonly reason: string } & AccessFacts)
  /** Closed with `code` (4401 or 4403) and `reason` before anything is sent. */
  | { readonly kind: 'refuse'; readonly code: CloseCode; readonly reason: string };

/** The relay's access port: sessions, tokens and `can()` live behind it. */
export interface RoomGate {
  /**
   * Decides what the holder of `credential` (null: none presented) may do in `room`. A
   * connection's first decision passes on `hint`, what the transport learnt of the credential
   * when it accepted the upgrade moments before (the gate may use it instead of checking again);
   * later decisions, after rights changed, never do.
   */
  decide(credential: string | null, room: ParsedRoom, hint?: unknown): Promise<RoomAccess>;
}

/** Access the gate granted: what an admitted connection carries. */
export type GrantedAccess = Exclude<RoomAccess, { readonly kind: 'refuse' }>;
