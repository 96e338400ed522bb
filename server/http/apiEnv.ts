import type { AuthContext, Authenticator } from '../auth/Authenticator';
import type { LoginThrottle } from '../auth/LoginThrottle';
import type { PasswordHasher } from '../auth/passwords';
import type { Logger } from '../logger';
import type { AccessFilter } from '../relay/admitConnection';
import type { ContentReader } from '../review/contentSnapshots';
import type { StreamHub } from '../review/StreamHub';
import type { AccountStore } from '../storage/AccountStore';
import type { ActivityStore } from '../storage/ActivityStore';
import type { AttachmentStore } from '../storage/AttachmentStore';
import type { CommitteeSettingsStore } from '../storage/CommitteeSettingsStore';
import type { DocFileLimits, DocFileStore } from '../storage/DocFileStore';
import type { DocRecordStore } from '../storage/DocRecordStore';
import type { DutyStore } from '../storage/DutyStore';
import type { GroupStore } from '../storage/GroupStore';
import type { HandlingStore } from '../storage/HandlingStore';
import type { ReviewStore } from '../storage/ReviewStore';
import type { WebhookStore } from '../storage/WebhookStore';
import type { SiteAddress } from './SiteAddress';

/** What the API routes need; built once in startServer. */
export interface ApiDeps {
  /** Accounts, the setup link, sessions, API tokens, invitations and rosters. */
  readonly accounts: AccountStore;
  /** Activity groups and their members. */
  readonly groups: GroupStore;
  /** Document records. */
  readonly records: DocRecordStore;
  /** Timelines, versions, co-signers and notifications. */
  readonly reviews: ReviewStore;
  /** Webhooks the secretariat configures, and their delivery log. */
  readonly webhooks: WebhookStore;
  /** Activities: invitations, answers, attendance. */
  readonly activities: ActivityStore;
  readonly duty: DutyStore;
  /** Handling units, sessions and the cases of decided proposals. */
  readonly handling: HandlingStore;
  /** Settings of the committee the secretariat edits (the category list). */
  readonly settings: CommitteeSettingsStore;
  /** Files tied to documents and the records of the use made of reports. */
  readonly attachments: AttachmentStore;
  /** The files documents' texts show or link to (photos, attachments), by SHA-256. */
  readonly docFiles: DocFileStore;
  /** Their limits in bytes (RULES.md DF4). */
  readonly docFileQuotas: DocFileLimits;
  /** Called once webhook events were stored (a transition, a test delivery, a redelivery): the worker sends them now. */
  readonly onWebhookEvents: () => void;
  /** The server's current content of documents (the relay), for versions and signatures. */
  readonly content: ContentReader;
  /** The live streams of signed-in users (`GET /api/stream`). */
  readonly hub: StreamHub;
  readonly authenticator: Authenticator;
  readonly passwords: PasswordHasher;
  /** Failed sign-ins, per username and per client address. */
  readonly throttle: LoginThrottle;
  /** Where browsers reach the server (PUBLIC_URL, TRUST_PROXY): links, cookie, client addresses. */
  readonly site: SiteAddress;
  readonly logger: Logger;
  readonly now: () => number;
  /**
   * Called after a membership, an account or a document record changed, so that the relay
   * decides again what the open connections concerned may do; with a user, that user's live
   * streams whose credential no longer signs in end too.
   */
  readonly onAccessChanged: (filter: AccessFilter) => Promise<void>;
}

/** Hono's context variables of the API. */
export interface ApiEnv {
  Variables: {
    /** Set by requireUser: who is asking. */
    auth: AuthContext;
  };
}
