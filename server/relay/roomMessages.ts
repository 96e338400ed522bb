import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import { parseUserId, type UserId } from '../../shared/index';

/**
 * What the processes holding one room tell each other on its bus channel (binary, lib0 encoding):
 * the updates they stored, numbered as stored; the presence their connections published; and a
 * request for everyone's presence from a process that just loaded the room. Read back from the bus,
 * which another process writes: a message that does not decode is refused, never half-applied.
 */
export type RoomMessage =
  | {
      readonly kind: 'stored';
      /** The sequence numbers of the first and last update, consecutive in between. */
      readonly firstSeq: number;
      readonly updates: readonly Uint8Array[];
      /** Client ids first owned in these updates (RULES.md D6). */
      readonly owners: readonly (readonly [number, UserId])[];
    }
  | { readonly kind: 'awareness'; readonly userId: UserId; readonly update: Uint8Array }
  | { readonly kind: 'queryAwareness' };

const KIND_STORED = 0;
const KIND_AWARENESS = 1;
const KIND_QUERY_AWARENESS = 2;

export function encodeRoomMessage(message: RoomMessage): Uint8Array {
  const encoder = encoding.createEncoder();
  switch (message.kind) {
    case 'stored':
      encoding.writeVarUint(encoder, KIND_STORED);
      encoding.writeVarUint(encoder, message.firstSeq);
      encoding.writeVarUint(encoder, message.updates.length);
      for (const update of message.updates) {
        encoding.writeVarUint8Array(encoder, update);
      }
      encoding.writeVarUint(encoder, message.owners.length);
      for (const [clientId, userId] of message.owners) {
        encoding.writeVarUint(encoder, clientId);
        encoding.writeVarString(encoder, userId);
      }
      break;
    case 'awareness':
      encoding.writeVarUint(encoder, KIND_AWARENESS);
      encoding.writeVarString(encoder, message.userId);
      encoding.writeVarUint8Array(encoder, message.update);
      break;
    case 'queryAwareness':
      encoding.writeVarUint(encoder, KIND_QUERY_AWARENESS);
      break;
  }
  return encoding.toUint8Array(encoder);
}

function readUserId(decoder: decoding.Decoder): UserId {
  const text = decoding.readVarString(decoder);
  const userId = parseUserId(text);
  if (userId === null) {
    throw new Error(`"${text.slice(0, 40)}" is not a user id`);
  }
  return userId;
}

/** Decodes a message; throws, saying what was wrong, when it is not one. */
export function decodeRoomMessage(data: Uint8Array): RoomMessage {
  const decoder = decoding.createDecoder(data);
  const kind = decoding.readVarUint(decoder);
  let message: RoomMessage;
  if (kind === KIND_STORED) {
    const firstSeq = decoding.readVarUint(decoder);
    const updates: Uint8Array[] = [];
    const count = decoding.readVarUint(decoder);
    for (let index = 0; index < count; index++) {
      updates.push(decoding.readVarUint8Array(decoder));
    }
    const owners: [number, UserId][] = [];
    const ownerCount = decoding.readVarUint(decoder);
    for (let index = 0; index < ownerCount; index++) {
      owners.push([decoding.readVarUint(decoder), readUserId(decoder)]);
    }
    if (firstSeq < 1 || updates.length === 0) {
      throw new Error('a stored-updates message without updates');
    }
    message = { kind: 'stored', firstSeq, updates, owners };
  } else if (kind === KIND_AWARENESS) {
    message = { kind: 'awareness', userId: readUserId(decoder), update: decoding.readVarUint8Array(decoder) };
  } else if (kind === KIND_QUERY_AWARENESS) {
    message = { kind: 'queryAwareness' };
  } else {
    throw new Error(`unknown room message kind ${kind}`);
  }
  if (decoding.hasContent(decoder)) {
    throw new Error('trailing bytes after a room message');
  }
  return message;
}
