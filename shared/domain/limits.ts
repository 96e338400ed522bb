/** Default largest websocket frame the relay accepts: a pasted report with images fits. */
export const DEFAULT_MAX_MESSAGE_BYTES = 16 * 1024 * 1024;
/**
 * Largest total of updates one connection may hold back while their dependencies are missing.
 * A client that reconnects sends live edits before its offline state; this covers that gap.
 */
export const MAX_HELD_BYTES_PER_CONNECTION = 16 * 1024 * 1024;
/** Longest document title, in UTF-16 code units. */
export const MAX_TITLE_LENGTH = 200;
