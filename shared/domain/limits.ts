/** Default largest websocket frame the relay accepts: a pasted report with images fits. */
export const DEFAULT_MAX_MESSAGE_BYTES = 16 * 1024 * 1024;
/**
 * Largest total of updates one connection may hold back while their dependencies are missing.
 * A client that reconnects sends live edits before its offline state; this covers that gap.
 */
export const MAX_HELD_BYTES_PER_CONNECTION = 16 * 1024 * 1024;
/**
 * Default largest Yjs update the relay accepts into a room: the frame limit's default, so that
 * by default every update that fits in a frame is accepted. Configurable lower per server.
 */
export const DEFAULT_MAX_UPDATE_BYTES = DEFAULT_MAX_MESSAGE_BYTES;
/**
 * Default largest content room (its encoded Yjs state, which a new client receives whole): a
 * long research report with about a hundred photos and its whole editing history fits.
 */
export const DEFAULT_MAX_CONTENT_ROOM_BYTES = 256 * 1024 * 1024;
/** Default largest comments room: thousands of threads of text (comments carry no images). */
export const DEFAULT_MAX_COMMENTS_ROOM_BYTES = 16 * 1024 * 1024;
/** Longest document title, in UTF-16 code units. */
export const MAX_TITLE_LENGTH = 200;

/** Password lengths, in UTF-16 code units: at least, and at most. */
export const MIN_PASSWORD_LENGTH = 8;
export const MAX_PASSWORD_LENGTH = 200;
/** Longest name of a person, of a group and of an API token. */
export const MAX_NAME_LENGTH = 40;
export const MAX_GROUP_NAME_LENGTH = 60;
export const MAX_TOKEN_NAME_LENGTH = 60;
/** Lowercase letters, digits and `. _ -`, 2-32 characters, starting with a letter or digit. */
export const USERNAME_PATTERN = /^[a-z0-9][a-z0-9._-]{1,31}$/;
