/**
 * The y-websocket wire protocol: every frame is binary and starts with a varuint message type.
 * See docs/PROTOCOL.md for the byte layout of each message.
 */
export const MessageType = {
  /** y-protocols sync: step 1, step 2 or update follows. */
  sync: 0,
  /** y-protocols awareness update. */
  awareness: 1,
  /** y-protocols auth: the server tells a client that it may not write, with a reason. */
  auth: 2,
  /** A client asks for the full awareness state of the room. */
  queryAwareness: 3,
} as const;
export type MessageType = (typeof MessageType)[keyof typeof MessageType];

/** The sub-type that follows `MessageType.sync`. */
export const SyncMessageType = {
  /** A state vector: "send me what I am missing". */
  step1: 0,
  /** The missing part of a document, answering a step 1. */
  step2: 1,
  /** An incremental document update. */
  update: 2,
} as const;
export type SyncMessageType = (typeof SyncMessageType)[keyof typeof SyncMessageType];

/** The only sub-type of `MessageType.auth` in y-protocols. */
export const AUTH_PERMISSION_DENIED = 0;

export function isMessageType(value: number): value is MessageType {
  return value === 0 || value === 1 || value === 2 || value === 3;
}
