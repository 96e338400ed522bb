import {
  Action,
  type Actor,
  CloseCode,
  type Decision,
  Denial,
  DocStatus,
  type DocumentTarget,
  decide,
  documentTarget,
  type ParsedRoom,
  RoomKind,
} from '../../shared/index';
import { formatRelayReason, RelayReasonCode } from '../../shared/protocol/relayReasons';
import type { AccessFacts, RoomAccess, RoomGate } from '../relay/RoomGate';
import type { DocRecordStore } from '../storage/DocRecordStore';
import { type Authenticator, AuthFailure, CheckedCredential } from './Authenticator';

export interface WorkspaceRoomGateOptions {
  readonly authenticator: Authenticator;
  /** The clock that judges how fresh an upgrade's check is; Date.now by default. */
  readonly now?: () => number;
  /** The document records whose group, status and archive flag access is decided on. */
  readonly records: Pick<DocRecordStore, 'getAccessRecord'>;
}

function refuse(code: CloseCode, reason: RelayReasonCode): RoomAccess {
  return { kind: 'refuse', code, reason: formatRelayReason(reason) };
}

/** Why an allowed reader may not write. */
function readOnlyReason(denial: Denial, target: DocumentTarget, room: RoomKind): RelayReasonCode {
  if (denial === Denial.archived) {
    return room === RoomKind.comments ? RelayReasonCode.archivedComments : RelayReasonCode.archivedContent;
  }
  if (denial === Denial.status) {
    if (target.status === DocStatus.approved) {
      return RelayReasonCode.approved;
    }
    return target.status === DocStatus.filed ? RelayReasonCode.filed : RelayReasonCode.inReview;
  }
  return RelayReasonCode.readOnlyGroup;
}

/**
 * The relay's access port on top of sessions, API tokens and `can()` (R13, R14): who may read a
 * room (P6) and who may write in it (P7 for content, P9 for comments), decided before any byte
 * of the room is sent and again whenever the relay is told that rights changed.
 */
export class WorkspaceRoomGate implements RoomGate {
  readonly #authenticator: Authenticator;
  readonly #records: Pick<DocRecordStore, 'getAccessRecord'>;
  readonly #now: () => number;

  constructor(options: WorkspaceRoomGateOptions) {
    this.#authenticator = options.authenticator;
    this.#records = options.records;
    this.#now = options.now ?? Date.now;
  }

  async decide(credential: string | null, room: ParsedRoom, hint?: unknown): Promise<RoomAccess> {
    const checked = hint instanceof CheckedCredential ? hint.outcomeFor(credential, this.#now()) : null;
    const outcome = checked ?? (await this.#authenticator.check(credential));
    if (!outcome.ok) {
      if (outcome.failure === AuthFailure.missing) {
        return refuse(CloseCode.unauthorized, RelayReasonCode.signIn);
      }
      return refuse(CloseCode.unauthorized, RelayReasonCode.expired);
    }
    if (outcome.context.user.mustChangePassword) {
      // Until the one-time (or reset) password is changed, the account opens nothing (docs/API.md).
      return refuse(CloseCode.forbidden, RelayReasonCode.passwordChange);
    }
    const record = await this.#records.getAccessRecord(room.docId);
    if (record === null) {
      return refuse(CloseCode.documentNotFound, RelayReasonCode.notRegistered);
    }
    const facts: AccessFacts = {
      person: { name: outcome.context.user.name, role: outcome.context.actor.role },
      docKind: record.kind,
    };
    // Reading and writing never turn on authorship (P6, P7, P9): the access record leaves the
    // authors out, so that every connection's check stays one row.
    const target = documentTarget({ ...record, authorIds: [] });
    return this.#accessOf(outcome.context.actor, target, room.kind, facts);
  }

  #accessOf(actor: Actor, target: DocumentTarget, room: RoomKind, facts: AccessFacts): RoomAccess {
    // A unit reads the text handed to it, never its comments (P9, P16).
    const read = decide(actor, room === RoomKind.comments ? Action.readDiscussion : Action.readDocument, target);
    if (!read.allowed) {
      return refuse(
        CloseCode.forbidden,
        read.denial === Denial.inactive ? RelayReasonCode.deactivated : RelayReasonCode.notInGroup,
      );
    }
    const write: Decision =
      room === RoomKind.content ? decide(actor, Action.editContent, target) : decide(actor, Action.comment, target);
    if (write.allowed) {
      return { kind: 'write', userId: actor.id, ...facts };
    }
    const reason = formatRelayReason(readOnlyReason(write.denial, target, room));
    return { kind: 'read', userId: actor.id, reason, ...facts };
  }
}
