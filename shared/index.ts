export {
  CONTENT_SCHEMA_VERSION,
  ContentField,
  canEditSchema,
  DOC_KINDS,
  DocKind,
  MetaKey,
  parseDocKind,
  readDocKind,
  readSchemaVersion,
} from './domain/documentSchema';
export type { DocId, ParsedRoom, RoomName } from './domain/ids';
export { newDocId, parseDocId, parseRoomName, RoomKind, roomNameOf } from './domain/ids';
export { DEFAULT_MAX_MESSAGE_BYTES, MAX_HELD_BYTES_PER_CONNECTION, MAX_TITLE_LENGTH } from './domain/limits';
export { TEMPLATE_CLIENT_ID, templateHeadings, templateUpdate } from './domain/templates';
export { CloseCode, isFatalCloseCode } from './protocol/closeCodes';
export {
  AUTH_PERMISSION_DENIED,
  isMessageType,
  MessageType,
  SyncMessageType,
} from './protocol/messageTypes';
export { MIN_CLIENT_PROTOCOL_VERSION, PROTOCOL_VERSION, SocketParam } from './protocol/version';
