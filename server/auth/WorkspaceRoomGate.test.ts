import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ParsedRoom } from '../../shared/index';
import {
  CloseCode,
  type DocId,
  DocKind,
  type GroupId,
  parseRoomName,
  Role,
  RoomKind,
  roomNameOf,
} from '../../shared/index';
import { formatRelayReason, RelayReasonCode } from '../../shared/protocol/relayReasons';
import type { UserRecord } from '../storage/AccountStore';
import { Authenticator, CheckedCredential } from './Authenticator';
import { startSession } from './sessions';
import { openTestWorkspace, type TestWorkspace } from './testWorkspace';
import { WorkspaceRoomGate } from './WorkspaceRoomGate';

let workspace: TestWorkspace;
let authenticator: Authenticator;
let gate: WorkspaceRoomGate;
let group: GroupId;
let member: UserRecord;
let docId: DocId;

function room(id: DocId, kind: RoomKind = RoomKind.content): ParsedRoom {
  const parsed = parseRoomName(roomNameOf(id, kind));
  if (parsed === null) {
    throw new Error('bad room');
  }
  return parsed;
}

async function tokenOf(user: UserRecord): Promise<string> {
  return startSession(workspace.accounts, user.id, Date.now());
}

beforeEach(async () => {
  workspace = openTestWorkspace();
  authenticator = new Authenticator({ accounts: workspace.accounts });
  gate = new WorkspaceRoomGate({ authenticator, records: workspace.records });
  group = await workspace.addGroup('经济界');
  member = await workspace.addUser('member', Role.member, [group]);
  docId = randomUUID() as DocId;
  await workspace.records.createDocument({
    id: docId,
    kind: DocKind.proposal,
    groupId: group,
    title: '',
    createdBy: member.id,
    createdAt: 1,
  });
});
afterEach(() => workspace.dispose());

describe('WorkspaceRoomGate', () => {
  it('takes the upgrade’s check of the same credential, fresh, instead of looking the session up again', async () => {
    const token = await tokenOf(member);
    const checked = await authenticator.checkUpgrade(token);
    expect(checked.isSignedIn).toBe(true);
    // The account was deactivated right after the upgrade: the first decision still admits, as
    // it would have a moment earlier; the re-check the deactivation triggers has no hint.
    await workspace.accounts.setUserActive(member.id, false);
    expect(await gate.decide(token, room(docId), checked)).toMatchObject({ kind: 'write', userId: member.id });
    expect(await gate.decide(token, room(docId))).toMatchObject({ kind: 'refuse', code: CloseCode.unauthorized });
    // A check of another credential, an old one, or any other hint is not taken.
    const otherUser = await workspace.addUser('other', Role.member, [group]);
    const other = await tokenOf(otherUser);
    expect(await gate.decide(other, room(docId), checked)).toMatchObject({ kind: 'write', userId: otherUser.id });
    const stale = new CheckedCredential(token, checked.outcome, Date.now() - CheckedCredential.maxAgeMs - 1);
    expect(await gate.decide(token, room(docId), stale)).toMatchObject({ kind: 'refuse' });
    expect(await gate.decide(token, room(docId), { isSignedIn: true })).toMatchObject({ kind: 'refuse' });
  });

  it('refuses a connection without a credential with 4401 (R13)', async () => {
    expect(await gate.decide(null, room(docId))).toEqual({
      kind: 'refuse',
      code: CloseCode.unauthorized,
      reason: formatRelayReason(RelayReasonCode.signIn),
    });
  });

  it('refuses an unknown token and a deactivated account as an expired session', async () => {
    const token = await tokenOf(member);
    await workspace.accounts.setUserActive(member.id, false);
    const expired = {
      kind: 'refuse',
      code: CloseCode.unauthorized,
      reason: formatRelayReason(RelayReasonCode.expired),
    };
    expect(await gate.decide(token, room(docId))).toEqual(expired);
    expect(await gate.decide('not-a-token', room(docId))).toEqual(expired);
  });

  it('refuses a document that is not registered with 4410', async () => {
    const token = await tokenOf(member);
    expect(await gate.decide(token, room(randomUUID() as DocId))).toMatchObject({
      kind: 'refuse',
      code: CloseCode.documentNotFound,
    });
  });

  it('lets a member of the group write content and comments (P7, P9)', async () => {
    const token = await tokenOf(member);
    // The relay's rules need the document's kind (D4) and who the person is (A4), not only the verdict.
    expect(await gate.decide(token, room(docId))).toEqual({
      kind: 'write',
      userId: member.id,
      docKind: 'proposal',
      person: { name: 'member', role: 'member' },
    });
    expect(await gate.decide(token, room(docId, RoomKind.comments))).toMatchObject({
      kind: 'write',
      userId: member.id,
    });
  });

  it('lets a chair read the content and write comments, saying why the content is read-only (P6, P7, P9)', async () => {
    const chair = await workspace.addUser('chair', Role.chair);
    const token = await tokenOf(chair);
    expect(await gate.decide(token, room(docId))).toMatchObject({
      kind: 'read',
      userId: chair.id,
      reason: formatRelayReason(RelayReasonCode.readOnlyGroup),
    });
    expect(await gate.decide(token, room(docId, RoomKind.comments))).toMatchObject({ kind: 'write', userId: chair.id });
  });

  it('refuses a member of another group with 4403 (P6)', async () => {
    const other = await workspace.addUser('other', Role.convener, [await workspace.addGroup('教育界')]);
    const token = await tokenOf(other);
    const refused = {
      kind: 'refuse',
      code: CloseCode.forbidden,
      reason: formatRelayReason(RelayReasonCode.notInGroup),
    };
    expect(await gate.decide(token, room(docId))).toEqual(refused);
    expect(await gate.decide(token, room(docId, RoomKind.comments))).toEqual(refused);
  });

  it('makes an archived document read-only, content and comments, for its members (P7, P9)', async () => {
    const token = await tokenOf(member);
    await workspace.records.setDocumentArchived(docId, true);
    expect(await gate.decide(token, room(docId))).toMatchObject({
      kind: 'read',
      userId: member.id,
      reason: formatRelayReason(RelayReasonCode.archivedContent),
    });
    expect(await gate.decide(token, room(docId, RoomKind.comments))).toMatchObject({
      kind: 'read',
      userId: member.id,
      reason: formatRelayReason(RelayReasonCode.archivedComments),
    });
  });

  it.each([
    ['in_review', formatRelayReason(RelayReasonCode.inReview)],
    ['approved', formatRelayReason(RelayReasonCode.approved)],
    ['filed', formatRelayReason(RelayReasonCode.filed)],
  ])('makes a document %s read-only for its members, comments open (P7, P9)', async (status, reason) => {
    const token = await tokenOf(member);
    workspace.exec('UPDATE documents SET status = ? WHERE id = ?', status, docId);
    expect(await gate.decide(token, room(docId))).toMatchObject({ kind: 'read', userId: member.id, reason });
    expect(await gate.decide(token, room(docId, RoomKind.comments))).toMatchObject({
      kind: 'write',
      userId: member.id,
    });
  });

  it('lets only chairs and the secretariat read a document stored before groups existed (P6)', async () => {
    const legacy = randomUUID() as DocId;
    workspace.exec(
      `INSERT INTO documents (id, title, kind, updated_at, created_at) VALUES (?, '', 'proposal', 1, 1)`,
      legacy,
    );
    const secretariat = await workspace.addUser('sec', Role.secretariat);
    expect(await gate.decide(await tokenOf(secretariat), room(legacy))).toMatchObject({ kind: 'read' });
    expect(await gate.decide(await tokenOf(member), room(legacy))).toMatchObject({
      kind: 'refuse',
      code: CloseCode.forbidden,
    });
  });
});
