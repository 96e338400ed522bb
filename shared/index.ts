export { ACTIONS, Action } from './domain/actions';
export type { BodyBlock } from './domain/bodyBlocks';
export { bodyBlocks } from './domain/bodyBlocks';
export { COMMITTEE_TIME_ZONE } from './domain/calendar';
export type { ContentJudgeInput, ContentVerdict } from './domain/contentRules';
export { ContentRule, judgeContentUpdate } from './domain/contentRules';
export type { DocFields, FieldDefinition, FieldType, FieldValue } from './domain/documentFields';
export {
  CATEGORY_ID_PATTERN,
  FIELDS_BY_KIND,
  FieldKey,
  fieldDefinition,
  fieldValueProblem,
  isFieldValue,
  MAX_SUGGESTED_UNITS,
  pickFields,
  readFields,
  writeField,
} from './domain/documentFields';
export {
  CONTENT_SCHEMA_VERSION,
  ContentField,
  canEditSchema,
  DOC_KINDS,
  DocKind,
  FILE_NODES_SCHEMA_VERSION,
  MetaKey,
  parseDocKind,
  raiseSchemaVersion,
  readDocKind,
  readSchemaVersion,
} from './domain/documentSchema';
export type { DocId, GroupId, ParsedRoom, RoomName, SessionId, UnitId, UserId } from './domain/ids';
export { newDocId, parseDocId, parseGroupId, parseRoomName, parseUserId, RoomKind, roomNameOf } from './domain/ids';
export {
  DEFAULT_MAX_COMMENTS_ROOM_BYTES,
  DEFAULT_MAX_CONTENT_ROOM_BYTES,
  DEFAULT_MAX_MESSAGE_BYTES,
  DEFAULT_MAX_UPDATE_BYTES,
  MAX_HELD_BYTES_PER_CONNECTION,
  MAX_TITLE_LENGTH,
} from './domain/limits';
export type {
  ActionTargets,
  Actor,
  CommitteeTarget,
  Decision,
  DocumentTarget,
  GroupTarget,
  PermissionTarget,
} from './domain/permissions';
export { can, Denial, decide, documentTarget } from './domain/permissions';
export { DOC_STATUSES, DocStatus, parseDocStatus, parseRole, ROLES, Role } from './domain/roles';
export { isSignatureOutdated } from './domain/signatureCurrency';
export type {
  CheckedCosigner,
  CheckResult,
  CheckSetting,
  CheckTarget,
  KindChecks,
  SubmitCheckInput,
  SubmitChecksConfig,
} from './domain/submitChecks';
export {
  blockingFailures,
  CHECKS_OF_KIND,
  countedLength,
  DEFAULT_SUBMIT_CHECKS,
  runSubmitChecks,
  SECTIONS_OF_KIND,
  SUBMIT_CHECKS,
  SubmitCheck,
} from './domain/submitChecks';
export { TEMPLATE_CLIENT_ID, templateHeadings, templateUpdate } from './domain/templates';
export type { Transition, TransitionRule, WorkflowAction } from './domain/workflow';
export {
  EDITABLE_STATUSES,
  freezesContent,
  REVIEW_EVENTS,
  STATUS_AFTER,
  TRANSITION_ACTIONS,
  TRANSITIONS,
  WORKFLOW,
  WORKFLOW_ACTIONS,
} from './domain/workflow';
export { API_ERROR_STATUS, ApiErrorCode } from './errors';
export { CloseCode, isFatalCloseCode } from './protocol/closeCodes';
export {
  AUTH_PERMISSION_DENIED,
  isMessageType,
  MessageType,
  SyncMessageType,
} from './protocol/messageTypes';
export { MIN_CLIENT_PROTOCOL_VERSION, PROTOCOL_VERSION, SocketParam } from './protocol/version';
