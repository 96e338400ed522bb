/**
 * The relay protocol version, sent by our client as the `v` query parameter of the socket URL.
 * Stock y-websocket clients send none and are treated as speaking the oldest version the relay
 * accepts (MIN_CLIENT_PROTOCOL_VERSION), so they connect for as long as that version is served.
 */
export const PROTOCOL_VERSION = 1;
/** The oldest client protocol version the relay still accepts. */
export const MIN_CLIENT_PROTOCOL_VERSION = 1;
/** Query parameter names of the socket URL. */
export const SocketParam = {
  protocolVersion: 'v',
  schemaVersion: 'schema',
} as const;
