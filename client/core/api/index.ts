/** The typed client of the HTTP API (docs/API.md): every answer parsed with the shared schemas. */
export {
  type AcceptInvitationInput,
  ApiClient,
  type ApiClientOptions,
  type ChangePasswordInput,
  type CreateDocInput,
  type CreateInvitationInput,
  type CreateVersionInput,
  type MarkReadInput,
  type MentionInput,
  type Session,
  type SetupInput,
  type SignInInput,
  UPLOAD_TIMEOUT_MS,
} from './ApiClient';
export { apiErrorFromAnswer, apiErrorFromIssues, invalidAnswer, noAnswer } from './apiErrors';
