/**
 * Websocket close codes the relay uses. Codes 4400-4499 make the stock y-websocket client stop
 * reconnecting (the fault is the client's or its rights'); other codes let it retry with backoff.
 */
export const CloseCode = {
  /** The server is shutting down or restarting; reconnect later. */
  goingAway: 1001,
  /** A frame exceeded the configured size limit; the client should not resend it unchanged. */
  messageTooBig: 1009,
  /** An unexpected server fault (for example storage failed); reconnect later. */
  internalError: 1011,
  /** The frame is not valid y-websocket protocol (bad varint, truncated, trailing bytes). */
  badMessage: 4400,
  /** The connection has no valid session. Sign in again. */
  unauthorized: 4401,
  /** The user may not read this room. */
  forbidden: 4403,
  /** The room name in the URL is not a valid document room. */
  badRoom: 4404,
  /**
   * No document with this id is registered on the server. A device that created the document
   * offline registers it first (its outbox) and then connects again.
   */
  documentNotFound: 4410,
  /** The client sent too many updates whose dependencies never arrived; reconnecting resends all. */
  missingDependencies: 4009,
  /** A Yjs update inside a valid frame could not be decoded. */
  badUpdate: 4422,
  /**
   * The connection wrote what its user may not write (docs/RULES.md: a comment rule CM1-CM10,
   * another person's authorship, a server-owned field D1-D6, another's or an oversized presence
   * A1-A3). Nothing of the frame was applied, stored or relayed. An honest app never causes it;
   * it does not resend it: a reload brings the server's state.
   */
  refusedUpdate: 4423,
  /** The client speaks an older protocol than the server accepts; reload the app. */
  clientTooOld: 4426,
  /** The message type is not one the relay knows. */
  unknownMessageType: 4450,
  /** Nothing was received in time after connecting; reconnect. */
  handshakeTimeout: 4008,
  /** The stored state of the room could not be loaded; nothing was served. Retry later. */
  roomUnavailable: 4500,
  /**
   * The server is short of a shared resource (memory for held-back updates): nothing of this
   * connection is lost, reconnect with backoff.
   */
  tryAgainLater: 1013,
  /**
   * The user has too many connections open, in all or to this room (the reason says which). Not
   * retried at once: close the document elsewhere; the app tries again after a minute.
   */
  tooManyConnections: 4429,
} as const;
export type CloseCode = (typeof CloseCode)[keyof typeof CloseCode];

/** Close codes after which a client should not retry by itself. */
export function isFatalCloseCode(code: number): boolean {
  return code >= 4400 && code < 4500;
}
