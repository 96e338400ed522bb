/** The typed client of the HTTP API (docs/API.md): every answer parsed with the shared schemas. */
export { ActivityApi } from './ActivityApi';
export { ApiClient, type ApiClientOptions, UPLOAD_TIMEOUT_MS } from './ApiClient';
export { AttachmentApi } from './AttachmentApi';
export { apiErrorFromAnswer, apiErrorFromIssues, invalidAnswer, noAnswer } from './apiErrors';
export type { MentionInput } from './apiShapes';
export { DocFileApi } from './DocFileApi';
export { type CommitteeDutyQuery, DutyApi } from './DutyApi';
export { type CaseStepName, HandlingApi } from './HandlingApi';
export { HttpTransport, type HttpTransportOptions, type RequestSpec } from './HttpTransport';
export { type OffsetStorage, ServerClock, type ServerClockOptions } from './ServerClock';
