import { type CategoryListRequest, categoryListRequestSchema, categoryListSchema } from '../../../shared/api/committee';
import { deviceKeySchema } from '../../../shared/api/device';
import {
  createVersionRequestSchema,
  docActivitySchema,
  inboxSchema,
  inviteCosignersRequestSchema,
  markReadRequestSchema,
  mentionRequestSchema,
  signRequestSchema,
  type TransitionRequest,
  transitionRequestSchema,
  transitionResultSchema,
  unreadSchema,
  versionSchema,
} from '../../../shared/api/review';
import {
  acceptInvitationRequestSchema,
  changePasswordRequestSchema,
  createDocRequestSchema,
  createdApiTokenSchema,
  createdInvitationSchema,
  createGroupRequestSchema,
  createInvitationRequestSchema,
  createTokenRequestSchema,
  docListSchema,
  docRecordSchema,
  groupListSchema,
  groupSchema,
  invitationListSchema,
  invitationPreviewSchema,
  meSchema,
  passwordChangedSchema,
  passwordResetSchema,
  peopleSchema,
  personSchema,
  renameGroupRequestSchema,
  rosterResultSchema,
  sessionSchema,
  setupRequestSchema,
  setupStatusSchema,
  signInRequestSchema,
  tokenListSchema,
  updateDocRequestSchema,
  updatePersonRequestSchema,
  workspaceSchema,
} from '../../../shared/api/schemas';
import {
  type SubmitChecksRequest,
  submitChecksRequestSchema,
  submitChecksSettingSchema,
} from '../../../shared/api/submitChecks';
import {
  type CreateWebhookRequest,
  createWebhookRequestSchema,
  type UpdateWebhookRequest,
  updateWebhookRequestSchema,
  webhookDeliveryListSchema,
  webhookDeliverySchema,
  webhookListSchema,
  webhookSchema,
  webhookWithSecretSchema,
} from '../../../shared/api/webhooks';
import type { DocId, GroupId, UserId } from '../../../shared/domain/ids';
import { ActivityApi } from './ActivityApi';
import { AttachmentApi } from './AttachmentApi';
import {
  type AcceptInvitationInput,
  type ChangePasswordInput,
  type CreateDocInput,
  type CreateInvitationInput,
  type CreateTokenInput,
  type CreateVersionInput,
  type MarkReadInput,
  type MentionInput,
  noContent,
  type SetupInput,
  type SignInInput,
  type UpdatePersonInput,
} from './apiShapes';
import { DocFileApi } from './DocFileApi';
import { DutyApi } from './DutyApi';
import { HandlingApi } from './HandlingApi';
import { HttpTransport, type HttpTransportOptions, type RequestSpec } from './HttpTransport';
/** A roster of a whole committee may take the server a while to check and store. */
export const UPLOAD_TIMEOUT_MS = 120_000;

export type ApiClientOptions = HttpTransportOptions;

/**
 * The HTTP API of docs/API.md. Every answer is validated with its schema from
 * shared/api/schemas.ts; failures are `ClientError`s (see `HttpTransport`).
 */
export class ApiClient {
  readonly #transport: HttpTransport;
  /** Units, sessions and the handling of decided proposals. */
  readonly handling: HandlingApi;
  /** Files tied to documents and the use made of reports. */
  readonly attachments: AttachmentApi;
  readonly docFiles: DocFileApi;
  /** Meetings and the other activities of the duty record. */
  readonly activities: ActivityApi;
  /** The duty record: a member's year, the committee's overview, the office's rules. */
  readonly duty: DutyApi;

  constructor(options: ApiClientOptions = {}) {
    this.#transport = new HttpTransport(options);
    this.handling = new HandlingApi(this.#transport);
    this.attachments = new AttachmentApi(this.#transport);
    this.docFiles = new DocFileApi(this.#transport);
    this.activities = new ActivityApi(this.#transport);
    this.duty = new DutyApi(this.#transport);
  }

  /** Calls `listener` whenever a signed-in request is answered 401 (the session ended). */
  onUnauthorized(listener: () => void): () => void {
    return this.#transport.onUnauthorized(listener);
  }

  // ---- Setup and session ----

  /** `GET /api/setup`: whether the first secretariat account must still be created. */
  setupStatus() {
    return this.#request({ method: 'GET', path: '/api/setup', answer: setupStatusSchema, isSessionRequest: false });
  }

  /** `POST /api/setup`: creates the first secretariat account and signs it in. */
  completeSetup(input: SetupInput) {
    const json = { schema: setupRequestSchema, value: input };
    return this.#request({ method: 'POST', path: '/api/setup', answer: sessionSchema, json, isSessionRequest: false });
  }

  /** `POST /api/session`: signs in; the server sets the session cookie. */
  signIn(input: SignInInput) {
    const json = { schema: signInRequestSchema, value: input };
    return this.#request({
      method: 'POST',
      path: '/api/session',
      answer: sessionSchema,
      json,
      isSessionRequest: false,
    });
  }

  /** `DELETE /api/session`: ends this session and clears the cookie. */
  signOut() {
    return this.#request({ method: 'DELETE', path: '/api/session', answer: noContent, isSessionRequest: false });
  }

  /** `GET /api/me`: the signed-in user. */
  me() {
    return this.#request({ method: 'GET', path: '/api/me', answer: meSchema });
  }

  /** `GET /api/me/device-key`: the key that unlocks this account's local copy (see core/keys). */
  deviceKey() {
    return this.#request({ method: 'GET', path: '/api/me/device-key', answer: deviceKeySchema });
  }

  /** `POST /api/me/password`: ends the user's other sessions and revokes their API tokens. */
  changePassword(input: ChangePasswordInput) {
    const json = { schema: changePasswordRequestSchema, value: input };
    return this.#request({
      method: 'POST',
      path: '/api/me/password',
      answer: passwordChangedSchema,
      json,
      isSessionRequest: false,
    });
  }

  /** `GET /api/workspace`: everything the user may see. */
  workspace() {
    return this.#request({ method: 'GET', path: '/api/workspace', answer: workspaceSchema });
  }

  // ---- Documents ----

  /** `GET /api/docs`: the documents the user may read. */
  async listDocs() {
    return (await this.#request({ method: 'GET', path: '/api/docs', answer: docListSchema })).docs;
  }

  /** `POST /api/docs`: registers a document created on a device; the same request again is harmless. */
  registerDoc(input: CreateDocInput) {
    const json = { schema: createDocRequestSchema, value: input };
    return this.#request({ method: 'POST', path: '/api/docs', answer: docRecordSchema, json });
  }

  /** `GET /api/docs/:id`. */
  getDoc(id: DocId) {
    return this.#request({ method: 'GET', path: `/api/docs/${enc(id)}`, answer: docRecordSchema });
  }

  /** `PATCH /api/docs/:id`: archives a document or brings it back. */
  updateDoc(id: DocId, patch: { readonly isArchived: boolean }) {
    const json = { schema: updateDocRequestSchema, value: patch };
    return this.#request({ method: 'PATCH', path: `/api/docs/${enc(id)}`, answer: docRecordSchema, json });
  }

  // ---- Review (docs/API.md, Review) ----

  /** `POST /api/docs/:id/transitions`: submit, return (with a reason), approve or file. */
  transition(id: DocId, input: TransitionRequest) {
    const json = { schema: transitionRequestSchema, value: input };
    const path = `/api/docs/${enc(id)}/transitions`;
    return this.#request({ method: 'POST', path, answer: transitionResultSchema, json });
  }

  /** `GET /api/docs/:id/activity`: record, timeline, versions and the user's last review. */
  docActivity(id: DocId) {
    return this.#request({ method: 'GET', path: `/api/docs/${enc(id)}/activity`, answer: docActivitySchema });
  }

  /** `POST /api/docs/:id/versions`: saves the server's current state as a named version. */
  saveVersion(id: DocId, input: CreateVersionInput) {
    const json = { schema: createVersionRequestSchema, value: input };
    return this.#request({ method: 'POST', path: `/api/docs/${enc(id)}/versions`, answer: versionSchema, json });
  }

  /** `POST /api/docs/:id/cosigners`: the proposer asks members of the group to co-sign. */
  inviteCosigners(id: DocId, userIds: readonly UserId[]) {
    const json = { schema: inviteCosignersRequestSchema, value: { userIds } };
    const path = `/api/docs/${enc(id)}/cosigners`;
    return this.#request({ method: 'POST', path, answer: docRecordSchema, json });
  }

  /** `PUT /api/docs/:id/signature`: co-signs (or signs again) the version given as a snapshot. */
  sign(id: DocId, snapshot: string) {
    const json = { schema: signRequestSchema, value: { snapshot } };
    const path = `/api/docs/${enc(id)}/signature`;
    return this.#request({ method: 'PUT', path, answer: docRecordSchema, json });
  }

  /** `DELETE /api/docs/:id/signature`: withdraws the user's signature. */
  withdrawSignature(id: DocId) {
    const path = `/api/docs/${enc(id)}/signature`;
    return this.#request({ method: 'DELETE', path, answer: docRecordSchema });
  }

  /** `POST /api/docs/:id/mentions`: notifies the people a comment mentions. */
  mention(id: DocId, input: MentionInput) {
    const json = { schema: mentionRequestSchema, value: input };
    return this.#request({ method: 'POST', path: `/api/docs/${enc(id)}/mentions`, answer: noContent, json });
  }

  /** `GET /api/notifications`: the newest notifications and the unread count. */
  inbox() {
    return this.#request({ method: 'GET', path: '/api/notifications', answer: inboxSchema });
  }

  /** `POST /api/notifications/read`: marks some (or all) as read. */
  markRead(input: MarkReadInput) {
    const json = { schema: markReadRequestSchema, value: input };
    return this.#request({ method: 'POST', path: '/api/notifications/read', answer: unreadSchema, json });
  }

  // ---- Groups and people ----

  /** `GET /api/groups`: the groups the user may see. */
  async listGroups() {
    return (await this.#request({ method: 'GET', path: '/api/groups', answer: groupListSchema })).groups;
  }

  /** `POST /api/groups`. */
  createGroup(name: string) {
    const json = { schema: createGroupRequestSchema, value: { name } };
    return this.#request({ method: 'POST', path: '/api/groups', answer: groupSchema, json });
  }

  /** `PATCH /api/groups/:id`. */
  renameGroup(id: GroupId, name: string) {
    const json = { schema: renameGroupRequestSchema, value: { name } };
    return this.#request({ method: 'PATCH', path: `/api/groups/${enc(id)}`, answer: groupSchema, json });
  }

  /** `PUT /api/groups/:id/members/:userId`. */
  addMember(groupId: GroupId, userId: UserId) {
    const path = `/api/groups/${enc(groupId)}/members/${enc(userId)}`;
    return this.#request({ method: 'PUT', path, answer: groupSchema });
  }

  /** `DELETE /api/groups/:id/members/:userId`. */
  removeMember(groupId: GroupId, userId: UserId) {
    const path = `/api/groups/${enc(groupId)}/members/${enc(userId)}`;
    return this.#request({ method: 'DELETE', path, answer: groupSchema });
  }

  /** `GET /api/people`. */
  async listPeople() {
    return (await this.#request({ method: 'GET', path: '/api/people', answer: peopleSchema })).people;
  }

  /** `PATCH /api/people/:id`: deactivating ends the person's sessions. */
  setPersonActive(id: UserId, isActive: boolean) {
    return this.updatePerson(id, { isActive });
  }

  /** `PATCH /api/people/:id`: the role, the groups (replacing them) or whether the account is active. */
  updatePerson(id: UserId, change: UpdatePersonInput) {
    const json = { schema: updatePersonRequestSchema, value: change };
    return this.#request({ method: 'PATCH', path: `/api/people/${enc(id)}`, answer: personSchema, json });
  }

  /** `POST /api/people/:id/reset-password`: a new one-time password, shown once; every sign-in ends. */
  resetPassword(id: UserId) {
    const path = `/api/people/${enc(id)}/reset-password`;
    return this.#request({ method: 'POST', path, answer: passwordResetSchema });
  }

  // ---- Invitations and roster ----

  /** `POST /api/invitations`: the link is in the answer, shown once. */
  createInvitation(input: CreateInvitationInput) {
    const json = { schema: createInvitationRequestSchema, value: input };
    return this.#request({ method: 'POST', path: '/api/invitations', answer: createdInvitationSchema, json });
  }

  /** `GET /api/invitations`: the ones not yet used and not expired. */
  async listInvitations() {
    const answer = invitationListSchema;
    return (await this.#request({ method: 'GET', path: '/api/invitations', answer })).invitations;
  }

  /** `DELETE /api/invitations/:id`: the link stops working. */
  revokeInvitation(id: string) {
    return this.#request({ method: 'DELETE', path: `/api/invitations/${enc(id)}`, answer: noContent });
  }

  /** `GET /api/invitations/:token`: what the person joining sees before accepting. */
  previewInvitation(token: string) {
    const path = `/api/invitations/${enc(token)}`;
    return this.#request({ method: 'GET', path, answer: invitationPreviewSchema, isSessionRequest: false });
  }

  /** `POST /api/invitations/:token/accept`: creates the account and signs it in. */
  acceptInvitation(token: string, input: AcceptInvitationInput) {
    const path = `/api/invitations/${enc(token)}/accept`;
    const json = { schema: acceptInvitationRequestSchema, value: input };
    return this.#request({ method: 'POST', path, answer: sessionSchema, json, isSessionRequest: false });
  }

  /** `POST /api/roster`: the CSV file as it is (UTF-8 or GBK); a refusal lists bad lines in `problems`. */
  importRoster(file: Blob) {
    const raw = { body: file, contentType: 'text/csv' };
    const timeoutMs = UPLOAD_TIMEOUT_MS;
    return this.#request({ method: 'POST', path: '/api/roster', answer: rosterResultSchema, raw, timeoutMs });
  }

  // ---- API tokens ----

  /** `GET /api/tokens`: the user's API tokens. */
  async listTokens() {
    return (await this.#request({ method: 'GET', path: '/api/tokens', answer: tokenListSchema })).tokens;
  }

  /** `POST /api/tokens`: needs the password; the token itself is in the answer, shown once. */
  createToken(input: CreateTokenInput) {
    const json = { schema: createTokenRequestSchema, value: input };
    return this.#request({ method: 'POST', path: '/api/tokens', answer: createdApiTokenSchema, json });
  }

  /** `DELETE /api/tokens/:id`. */
  revokeToken(id: string) {
    return this.#request({ method: 'DELETE', path: `/api/tokens/${enc(id)}`, answer: noContent });
  }

  /** `GET /api/webhooks` (the secretariat): every webhook, oldest first. */
  async listWebhooks() {
    return (await this.#request({ method: 'GET', path: '/api/webhooks', answer: webhookListSchema })).webhooks;
  }

  /** `POST /api/webhooks`: the answer carries the signing secret, shown once. */
  createWebhook(input: CreateWebhookRequest) {
    const json = { schema: createWebhookRequestSchema, value: input };
    return this.#request({ method: 'POST', path: '/api/webhooks', answer: webhookWithSecretSchema, json });
  }

  /** `PATCH /api/webhooks/:id`: address, events, or paused and resumed. */
  updateWebhook(id: string, input: UpdateWebhookRequest) {
    const json = { schema: updateWebhookRequestSchema, value: input };
    return this.#request({ method: 'PATCH', path: `/api/webhooks/${enc(id)}`, answer: webhookSchema, json });
  }

  /** `DELETE /api/webhooks/:id`, with its delivery log. */
  deleteWebhook(id: string) {
    return this.#request({ method: 'DELETE', path: `/api/webhooks/${enc(id)}`, answer: noContent });
  }

  /** `POST /api/webhooks/:id/secret`: a new secret, shown once. */
  rotateWebhookSecret(id: string) {
    const path = `/api/webhooks/${enc(id)}/secret`;
    return this.#request({ method: 'POST', path, answer: webhookWithSecretSchema });
  }

  /** `GET /api/webhooks/:id/deliveries`: the newest deliveries first. */
  async listWebhookDeliveries(id: string) {
    const path = `/api/webhooks/${enc(id)}/deliveries`;
    return (await this.#request({ method: 'GET', path, answer: webhookDeliveryListSchema })).deliveries;
  }

  /** `POST /api/webhooks/:id/test`: a `webhook.test` delivery, pending. */
  sendWebhookTest(id: string) {
    const path = `/api/webhooks/${enc(id)}/test`;
    return this.#request({ method: 'POST', path, answer: webhookDeliverySchema });
  }

  /** `POST /api/webhooks/:id/deliveries/:deliveryId/redeliver`: the same delivery, pending again. */
  redeliverWebhook(id: string, deliveryId: string) {
    const path = `/api/webhooks/${enc(id)}/deliveries/${enc(deliveryId)}/redeliver`;
    return this.#request({ method: 'POST', path, answer: webhookDeliverySchema });
  }

  // ---- Committee settings ----

  /** `GET /api/committee/categories`: the category list (the defaults until edited). */
  categories() {
    return this.#request({ method: 'GET', path: '/api/committee/categories', answer: categoryListSchema });
  }

  /** `PUT /api/committee/categories` (the secretariat): replaces the list. */
  putCategories(input: CategoryListRequest) {
    const json = { schema: categoryListRequestSchema, value: input };
    return this.#request({ method: 'PUT', path: '/api/committee/categories', answer: categoryListSchema, json });
  }

  /** `GET /api/committee/submit-checks`: the checks before submitting (the defaults until edited). */
  submitChecks() {
    return this.#request({ method: 'GET', path: '/api/committee/submit-checks', answer: submitChecksSettingSchema });
  }

  /** `PUT /api/committee/submit-checks` (the secretariat): replaces the checks. */
  putSubmitChecks(input: SubmitChecksRequest) {
    const json = { schema: submitChecksRequestSchema, value: input };
    const path = '/api/committee/submit-checks';
    return this.#request({ method: 'PUT', path, answer: submitChecksSettingSchema, json });
  }

  #request<T>(spec: RequestSpec<T>): Promise<T> {
    return this.#transport.request(spec);
  }
}

function enc(part: string): string {
  return encodeURIComponent(part);
}
