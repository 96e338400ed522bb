/**
 * Reasons the relay gives with a close or a dropped update (docs/PROTOCOL.md, "Reasons"). On the
 * wire each is `<code>: <English sentence>`: any y-websocket client can show the whole text, and
 * ours reads the code (`parseRelayReason`) to show its own words, never matching the sentence.
 */

/**
 * Reasons about a person's rights, a document's workflow and the server's quotas, in English, by
 * key. The app shows each in its own words (its translations use the same keys).
 */
export const RelayReason = {
  signIn: 'sign in to open documents',
  expired: 'your session has expired: sign in again',
  deactivated: 'this account has been deactivated: ask the secretariat',
  passwordChange: 'change your one-time password before opening documents',
  notRegistered: 'this document is not registered on the server yet',
  notInGroup: "you are not a member of this document's group",
  readOnlyGroup: 'you may read but not edit documents of this group',
  archivedContent: 'this document is archived: restore it to edit it',
  archivedComments: 'this document is archived: comments are closed',
  inReview: 'this document is in review: only comments can be added',
  approved: 'this document is approved: only comments can be added',
  filed: 'this document is filed: it can no longer be changed',
  submitting: 'the document is being submitted for review',
  withdrawing: 'the submission is being withdrawn',
  returning: 'the document is being returned for revision',
  approving: 'the document is being approved',
  filing: 'the document is being filed',
  updateTooLarge: 'this change is larger than the server accepts: it stays on this device',
  roomFull: 'this document has reached its size limit: new changes stay on this device',
  tooManyConnections: 'too many connections for this account: close documents in other tabs or devices',
  tooManyRoomConnections: 'this document is open in too many tabs or devices for this account',
  commentRefused: 'a change to the comments breaks their rules and was not saved: reload the page',
  authorshipForged: 'a change claimed authorship for another person; nothing of it was kept',
  clientIdTaken: "a change was written under another person's editing session; nothing of it was kept",
  serverFieldChanged:
    "a change touched the document's format or kind, which only the server sets; nothing of it was kept",
  fieldRefused: "a change to the document's basic information breaks its rules; nothing of it was kept",
  fileNodeRefused:
    'a photo or attachment in the change is not valid (its digest, type or size); nothing of it was kept',
  presenceNotYours: "presence was sent for another person's session; it was not shown",
  presenceTooLarge: 'presence was larger than the server accepts; it was not shown',
  presenceTooManyClients: 'presence was sent for too many sessions from one connection; it was not shown',
} as const;
export type RelayReasonKey = keyof typeof RelayReason;

/**
 * Reasons about the connection itself: the server restarts or failed, or the client broke the
 * protocol. The close code says what to do; apps show the sentence as it is sent.
 */
const CONNECTION_REASONS = {
  badRoom: 'the room name is not a document id',
  clientTooOld: 'this app is too old for the server: reload to update it',
  schemaTooNew: 'this document uses a newer format than this app: reload to update the app before editing',
  notAdmitted: 'access to this document has not been granted yet',
  restarting: 'the server is restarting',
  accessCheckFailed: 'the server could not check your access; try again later',
  roomUnavailable: 'the stored document could not be loaded; nothing was changed',
  storageFailed: 'the server could not store changes; they remain on your device',
  serverFailed: 'the server failed to handle a message',
  handshakeTimeout: 'no message received after connecting',
  tooMuchEarlyData: 'too much data sent before the document was opened',
  frameTooBig: 'a frame was larger than the server accepts',
  badFrame: 'a frame is not valid y-websocket protocol',
  unknownMessageType: 'a message type the server does not know',
  badUpdate: 'a Yjs update could not be decoded',
  missingDependencies: 'too many updates whose dependencies never arrived; reconnect to resynchronise',
  serverBusy: 'the server is holding too many incomplete updates; reconnect later',
} as const;

/** The stable code of every reason the relay gives: what clients branch on. */
export const RelayReasonCode = {
  signIn: 'sign_in',
  expired: 'session_expired',
  deactivated: 'account_deactivated',
  passwordChange: 'password_change_required',
  notRegistered: 'not_registered',
  notInGroup: 'not_in_group',
  readOnlyGroup: 'read_only_group',
  archivedContent: 'archived_content',
  archivedComments: 'archived_comments',
  inReview: 'in_review',
  approved: 'approved',
  filed: 'filed',
  submitting: 'submitting',
  withdrawing: 'withdrawing',
  returning: 'returning',
  approving: 'approving',
  filing: 'filing',
  commentRefused: 'comment_refused',
  authorshipForged: 'authorship_forged',
  clientIdTaken: 'client_id_taken',
  serverFieldChanged: 'server_field_changed',
  fieldRefused: 'field_refused',
  fileNodeRefused: 'file_node_refused',
  presenceNotYours: 'presence_not_yours',
  presenceTooLarge: 'presence_too_large',
  presenceTooManyClients: 'presence_too_many_clients',
  badRoom: 'bad_room',
  clientTooOld: 'client_too_old',
  schemaTooNew: 'schema_too_new',
  notAdmitted: 'not_admitted',
  restarting: 'server_restarting',
  accessCheckFailed: 'access_check_failed',
  roomUnavailable: 'room_unavailable',
  storageFailed: 'storage_failed',
  serverFailed: 'server_failed',
  handshakeTimeout: 'handshake_timeout',
  tooMuchEarlyData: 'too_much_early_data',
  frameTooBig: 'frame_too_big',
  badFrame: 'bad_frame',
  unknownMessageType: 'unknown_message_type',
  badUpdate: 'bad_update',
  missingDependencies: 'missing_dependencies',
  updateTooLarge: 'update_too_large',
  roomFull: 'room_full',
  tooManyConnections: 'too_many_connections',
  tooManyRoomConnections: 'too_many_room_connections',
  serverBusy: 'server_busy',
} as const satisfies { readonly [K in RelayReasonKey | keyof typeof CONNECTION_REASONS]: string };
export type RelayReasonCode = (typeof RelayReasonCode)[keyof typeof RelayReasonCode];

type ReasonKey = keyof typeof RelayReasonCode;
const REASON_KEYS = Object.keys(RelayReasonCode) as ReasonKey[];
const SENTENCES: { readonly [K in ReasonKey]: string } = { ...RelayReason, ...CONNECTION_REASONS };
const SENTENCE_BY_CODE = Object.fromEntries(REASON_KEYS.map((key) => [RelayReasonCode[key], SENTENCES[key]])) as {
  readonly [C in RelayReasonCode]: string;
};
const KEY_BY_CODE = new Map<string, ReasonKey>(REASON_KEYS.map((key) => [RelayReasonCode[key], key]));

/** The whole list of codes. */
export const RELAY_REASON_CODES: readonly RelayReasonCode[] = REASON_KEYS.map((key) => RelayReasonCode[key]);

/**
 * The wire text of a reason: `<code>: <sentence>`. `detail` replaces the default sentence when
 * the relay can say more (which frame was bad, which format the document uses).
 */
export function formatRelayReason(code: RelayReasonCode, detail?: string): string {
  return `${code}: ${detail ?? SENTENCE_BY_CODE[code]}`;
}

/** A code at the start of the wire text: lowercase letters, digits and `_`, then `: `. */
const CODE_PREFIX = /^([a-z][a-z0-9_]*): /;

/**
 * Reads a reason from the wire. `code` is null for a text with no code (a stock server) or a code
 * this build does not know (a newer server); `text` is the sentence without the code prefix.
 */
export function parseRelayReason(wire: string): { readonly code: RelayReasonCode | null; readonly text: string } {
  const match = CODE_PREFIX.exec(wire);
  if (match === null) {
    return { code: null, text: wire };
  }
  const key = KEY_BY_CODE.get(match[1] ?? '');
  return { code: key === undefined ? null : RelayReasonCode[key], text: wire.slice(match[0].length) };
}

/** The key of a reason about rights or the workflow (the app's translation key); null for a connection reason. */
export function relayReasonKeyOf(code: RelayReasonCode): RelayReasonKey | null {
  const key = KEY_BY_CODE.get(code);
  return key !== undefined && key in RelayReason ? (key as RelayReasonKey) : null;
}
