import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import type { Role, UserId } from '../../shared/index';
import { RelayReasonCode } from '../../shared/protocol/relayReasons';

/**
 * Awareness client ids one connection may publish. The app publishes one (its document's client
 * id); a few more leave room for a client that recreates its document without reconnecting.
 */
export const MAX_AWARENESS_CLIENTS_PER_CONNECTION = 4;

/**
 * Largest awareness state, as UTF-8 JSON. The app's state (a name, a colour, a role, a typing
 * flag and a cursor's two relative positions) is a few hundred bytes; presence is relayed to
 * every reader on every cursor move, so a large one costs the whole room.
 */
export const MAX_AWARENESS_STATE_BYTES = 4 * 1024;

/** The rules of docs/RULES.md about presence. */
export const AwarenessRule = {
  /** A1: a connection publishes and removes only its own awareness client ids. */
  ownClients: 'A1',
  /** A2: at most MAX_AWARENESS_CLIENTS_PER_CONNECTION client ids per connection. */
  clientCount: 'A2',
  /** A3: each state is at most MAX_AWARENESS_STATE_BYTES of JSON. */
  stateSize: 'A3',
  /** A4: the `user` of a state is the connection's account, as the server knows it. */
  identity: 'A4',
} as const;
export type AwarenessRule = (typeof AwarenessRule)[keyof typeof AwarenessRule];

/** Who the connection is, as the server knows it; name and role are absent when the gate did not say. */
export interface PresenceIdentity {
  readonly userId: UserId;
  readonly name?: string;
  readonly role?: Role;
}

/** One entry of an awareness update: a client id, its clock and its state as JSON (`null`: removed). */
export interface AwarenessEntry {
  readonly clientId: number;
  readonly clock: number;
  readonly json: string;
}

export type AwarenessVerdict =
  /**
   * `entries` with identities set, without echoes; `isRewritten` when they differ from what was
   * sent (then empty `entries` means there is nothing to apply or relay).
   */
  | { readonly kind: 'accept'; readonly entries: readonly AwarenessEntry[]; readonly isRewritten: boolean }
  | {
      readonly kind: 'refuse';
      readonly rule: AwarenessRule;
      readonly reason: RelayReasonCode;
      readonly detail: string;
    };

/** Who publishes a client id now, as the judge sees it. */
export type AwarenessOwnerKind = 'none' | 'self' | 'same_user' | 'other_user';

export interface AwarenessJudgeInput {
  readonly identity: PresenceIdentity;
  ownerOf(clientId: number): AwarenessOwnerKind;
  /** The clock the room holds for a client id; -1 when it never saw one. */
  clockOf(clientId: number): number;
  /** How many client ids the connection publishes already. */
  readonly ownedCount: number;
}

/** Reads an awareness update (y-protocols layout); throws on malformed bytes. */
export function decodeAwarenessEntries(update: Uint8Array): AwarenessEntry[] {
  const decoder = decoding.createDecoder(update);
  const count = decoding.readVarUint(decoder);
  const entries: AwarenessEntry[] = [];
  for (let index = 0; index < count; index++) {
    const clientId = decoding.readVarUint(decoder);
    const clock = decoding.readVarUint(decoder);
    const json = decoding.readVarString(decoder);
    entries.push({ clientId, clock, json });
  }
  return entries;
}

/** Writes entries back in the y-protocols layout. */
export function encodeAwarenessEntries(entries: readonly AwarenessEntry[]): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, entries.length);
  for (const { clientId, clock, json } of entries) {
    encoding.writeVarUint(encoder, clientId);
    encoding.writeVarUint(encoder, clock);
    encoding.writeVarString(encoder, json);
  }
  return encoding.toUint8Array(encoder);
}

function refuse(rule: AwarenessRule, reason: RelayReasonCode, detail: string): AwarenessVerdict {
  return { kind: 'refuse', rule, reason, detail: `${rule}: ${detail}` };
}

function utf8Length(text: string): number {
  // Each UTF-16 unit is at most 3 bytes of UTF-8: most states need no exact count.
  return text.length * 3 <= MAX_AWARENESS_STATE_BYTES ? text.length : new TextEncoder().encode(text).byteLength;
}

/**
 * Judges an awareness update of one connection (A1-A4) and sets the identity in each state.
 * Entries for client ids the connection does not publish are judged only when newer than what
 * the room holds: older or equal ones are echoes and left out. A refused update is not applied or
 * relayed at all. Throws SyntaxError on a state that is not JSON.
 */
export function judgeAwareness(input: AwarenessJudgeInput, entries: readonly AwarenessEntry[]): AwarenessVerdict {
  let newIds = 0;
  let isRewritten = false;
  const accepted: AwarenessEntry[] = [];
  for (const entry of entries) {
    const owner = input.ownerOf(entry.clientId);
    if (owner !== 'self' && entry.clock <= input.clockOf(entry.clientId)) {
      // An echo: the stock y-websocket client sends back every awareness change it applies,
      // others' included, and removes states that time out with their last clock. Nothing new,
      // but a removal at an equal clock would apply: left out.
      isRewritten = true;
      continue;
    }
    if (owner === 'other_user') {
      return refuse(
        AwarenessRule.ownClients,
        RelayReasonCode.presenceNotYours,
        `client ${entry.clientId} is not yours`,
      );
    }
    if (owner === 'none' && entry.json !== 'null') {
      newIds += 1;
      if (input.ownedCount + newIds > MAX_AWARENESS_CLIENTS_PER_CONNECTION) {
        return refuse(
          AwarenessRule.clientCount,
          RelayReasonCode.presenceTooManyClients,
          `more than ${MAX_AWARENESS_CLIENTS_PER_CONNECTION} presence clients on one connection`,
        );
      }
    }
    if (utf8Length(entry.json) > MAX_AWARENESS_STATE_BYTES) {
      return refuse(
        AwarenessRule.stateSize,
        RelayReasonCode.presenceTooLarge,
        `a presence state is larger than ${MAX_AWARENESS_STATE_BYTES} bytes`,
      );
    }
    const json = withIdentity(entry.json, input.identity);
    isRewritten ||= json !== entry.json;
    accepted.push(json === entry.json ? entry : { ...entry, json });
  }
  return { kind: 'accept', entries: accepted, isRewritten };
}

/** The state with its `user` made the connection's (A4); the same string when it already is. */
function withIdentity(json: string, identity: PresenceIdentity): string {
  // Most frames are cursor moves of a state without `user`: they are not parsed here (applying
  // them parses and refuses bad JSON). A key spelled with escapes (`"\u0075ser"`) is parsed.
  if (!json.includes('"user"') && !json.includes('\\u')) {
    return json;
  }
  const state: unknown = JSON.parse(json);
  if (typeof state !== 'object' || state === null || !('user' in state)) {
    return json;
  }
  const sent: unknown = state.user;
  const user: Record<string, unknown> = typeof sent === 'object' && sent !== null ? { ...sent } : {};
  const wanted: Record<string, unknown> = { ...user, userId: identity.userId };
  if (identity.name !== undefined) {
    wanted.name = identity.name;
  }
  if (identity.role !== undefined) {
    wanted.role = identity.role;
  } else {
    delete wanted.role;
  }
  const isSame =
    Object.keys(wanted).length === Object.keys(user).length &&
    Object.entries(wanted).every(([key, value]) => user[key] === value);
  return isSame ? json : JSON.stringify({ ...state, user: wanted });
}
