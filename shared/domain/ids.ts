declare const docIdBrand: unique symbol;
declare const roomNameBrand: unique symbol;
declare const userIdBrand: unique symbol;
declare const groupIdBrand: unique symbol;
declare const unitIdBrand: unique symbol;
declare const sessionIdBrand: unique symbol;

/** A document's stable id: a lowercase random UUID, which a device may create offline. */
export type DocId = string & { readonly [docIdBrand]: true };
/** The name of a relay room: one Y.Doc. */
export type RoomName = string & { readonly [roomNameBrand]: true };

/** An account's id: a lowercase random UUID given by the server. */
export type UserId = string & { readonly [userIdBrand]: true };
/** An activity group's id: a lowercase random UUID given by the server. */
export type GroupId = string & { readonly [groupIdBrand]: true };
/** A handling unit's id (承办单位, a department that answers proposals): a lowercase random UUID. */
export type UnitId = string & { readonly [unitIdBrand]: true };
/** A session's id (届次会议, e.g. 十五届四次会议): a lowercase random UUID. */
export type SessionId = string & { readonly [sessionIdBrand]: true };

/** The ids of documents, accounts and groups: lowercase UUIDs. */
export const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** The kinds of Y.Doc a document owns. */
export const RoomKind = {
  /** Title and body. Created with gc off so versions can be compared. */
  content: 'content',
  /** Comment threads (used from the review issue on). */
  comments: 'comments',
} as const;
export type RoomKind = (typeof RoomKind)[keyof typeof RoomKind];

const COMMENTS_SUFFIX = '.comments';

/** Parses a document id; null when the text is not a lowercase UUID. */
export function parseDocId(text: string): DocId | null {
  return UUID_PATTERN.test(text) ? (text as DocId) : null;
}

/** Parses a user id; null when the text is not a lowercase UUID. */
export function parseUserId(text: string): UserId | null {
  return UUID_PATTERN.test(text) ? (text as UserId) : null;
}

/** Parses a group id; null when the text is not a lowercase UUID. */
export function parseGroupId(text: string): GroupId | null {
  return UUID_PATTERN.test(text) ? (text as GroupId) : null;
}

/** Parses a handling unit's id; null when the text is not a lowercase UUID. */
export function parseUnitId(text: string): UnitId | null {
  return UUID_PATTERN.test(text) ? (text as UnitId) : null;
}

/** Parses a session's id; null when the text is not a lowercase UUID. */
export function parseSessionId(text: string): SessionId | null {
  return UUID_PATTERN.test(text) ? (text as SessionId) : null;
}

/** Creates a new random document id. */
export function newDocId(): DocId {
  return crypto.randomUUID() as DocId;
}

/** The room name of one of a document's Y.Docs. */
export function roomNameOf(docId: DocId, kind: RoomKind = RoomKind.content): RoomName {
  return (kind === RoomKind.comments ? `${docId}${COMMENTS_SUFFIX}` : docId) as RoomName;
}

export interface ParsedRoom {
  readonly name: RoomName;
  readonly docId: DocId;
  readonly kind: RoomKind;
}

/** Parses a room name into the document and the kind of Y.Doc; null when it names neither. */
export function parseRoomName(text: string): ParsedRoom | null {
  const isComments = text.endsWith(COMMENTS_SUFFIX);
  const idText = isComments ? text.slice(0, -COMMENTS_SUFFIX.length) : text;
  const docId = parseDocId(idText);
  if (docId === null) {
    return null;
  }
  const kind = isComments ? RoomKind.comments : RoomKind.content;
  return { name: text as RoomName, docId, kind };
}
