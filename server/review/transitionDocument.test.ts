import { randomUUID } from 'node:crypto';
import { beforeEach, describe, expect, it } from 'vitest';
import { newCase } from '../../shared/domain/handling';
import type { SessionId } from '../../shared/index';
import { type DocId, DocKind, type DocStatus, type GroupId, Role, type UserId } from '../../shared/index';
import { formatRelayReason, RelayReasonCode } from '../../shared/protocol/relayReasons';
import { actorOf } from '../auth/Authenticator';
import type { UserRecord } from '../storage/AccountStore';
import { encodeCurrentSnapshot } from './contentSnapshots';
import { ReviewError } from './ReviewError';
import { TransitionFakes } from './test/transitionFakes';
import { type TransitionInput, transitionDocument } from './transitionDocument';

const GROUP = randomUUID() as GroupId;

function person(username: string, role: Role, groupIds: readonly GroupId[] = [GROUP]): UserRecord {
  return {
    id: randomUUID() as UserId,
    username,
    name: username,
    role,
    passwordHash: 'unused',
    mustChangePassword: false,
    isActive: true,
    createdAt: 0,
    unitId: null,
    groupIds,
  };
}

const creator = person('creator', Role.member);
const cosigner = person('cosigner', Role.member);
const convener = person('convener', Role.convener);
const chair = person('chair', Role.chair, []);
const secretariat = person('secretariat', Role.secretariat, []);

let fakes: TransitionFakes;
let docId: DocId;

function input(transition: TransitionInput['transition'], fromStatus: DocStatus, reason: string | null = null) {
  return { transition, fromStatus, reason, requestId: `req-${randomUUID()}` };
}

beforeEach(() => {
  fakes = new TransitionFakes();
  fakes.people = [creator, cosigner, convener, chair, secretariat];
  docId = randomUUID() as DocId;
  const content = fakes.contentOf(docId);
  content.getText('title').insert(0, '关于加强养老服务的建议');
  // The co-signer signed this content; the creator changes the title afterwards.
  const signed = Buffer.from(encodeCurrentSnapshot(content)).toString('base64');
  content.getText('title').insert(0, '（修改）');
  fakes.records.set(docId, {
    id: docId,
    kind: DocKind.proposal,
    groupId: GROUP,
    title: '（修改）关于加强养老服务的建议',
    status: 'draft',
    isArchived: false,
    createdBy: creator.id,
    createdAt: 1,
    updatedAt: 1,
    updatedBy: creator.id,
    authorIds: [creator.id],
    cosigners: [
      { userId: cosigner.id, state: 'signed', invitedBy: creator.id, invitedAt: 1, signedAt: 2, snapshot: signed },
    ],
    lastReturn: null,
    fields: {},
  });
  fakes.openStreams();
});

describe('transitionDocument reads people and content once per transition', () => {
  it('submits with one read of the accounts and one of the content: version, outdated signature, reviewers', async () => {
    const result = await transitionDocument(fakes.deps, actorOf(creator), docId, input('submit', 'draft'));

    expect(fakes.calls).toMatchObject({ listUsers: 1, readContent: 1 });
    expect(result.record.status).toBe('in_review');
    expect(result.version).toMatchObject({ cause: 'submit', name: expect.stringMatching(/^提交审阅 · \d+月\d+日$/) });
    expect(result.record.cosigners[0]?.snapshot).toBeNull();
    const told = fakes.announced.filter((m) => m.event === 'notification').map((m) => JSON.parse(m.data).type);
    expect(told.sort()).toEqual(['cosign_outdated', 'review_requested', 'review_requested']);
    // The record is announced to every reader, from the same read of the accounts.
    expect(fakes.announced.filter((m) => m.event === 'record')).toHaveLength(5);
    expect(fakes.holdReasons).toEqual([formatRelayReason(RelayReasonCode.submitting)]);
    expect(fakes.accessChanged).toEqual([docId]);
  });

  it('returns, approves and files with one read of the accounts, and of the content only for a version', async () => {
    await transitionDocument(fakes.deps, actorOf(creator), docId, input('submit', 'draft'));
    await transitionDocument(fakes.deps, actorOf(chair), docId, input('return', 'in_review', '请补充数据'));
    expect(fakes.calls).toMatchObject({ listUsers: 2, readContent: 2 });

    await transitionDocument(fakes.deps, actorOf(creator), docId, input('submit', 'returned'));
    fakes.announced.length = 0;
    const approved = await transitionDocument(fakes.deps, actorOf(convener), docId, input('approve', 'in_review'));
    expect(approved.version?.cause).toBe('approve');
    // The proposers hear it is approved, the secretariat (one account here) that it waits for filing.
    const told = fakes.announced.filter((m) => m.event === 'notification').map((m) => JSON.parse(m.data).type);
    expect(told.sort()).toEqual(['approved', 'approved', 'approved_awaiting_filing']);
    expect(fakes.calls).toMatchObject({ listUsers: 4, readContent: 4 });

    const filed = await transitionDocument(fakes.deps, actorOf(secretariat), docId, {
      ...input('file', 'approved'),
      filing: newCase({
        docId,
        sessionId: randomUUID() as SessionId,
        outcome: 'filed',
        number: null,
        isKey: false,
        decidedBy: secretariat.id,
        decidedAt: 5,
        reason: null,
        conversion: null,
        mergedInto: null,
      }),
    });
    expect(filed).toMatchObject({ record: { status: 'filed' }, version: null, event: { type: 'filed' } });
    expect(fakes.calls).toMatchObject({ listUsers: 5, readContent: 4 });
  });

  it('reads neither accounts nor content to answer a request sent again', async () => {
    const submit = input('submit', 'draft');
    const first = await transitionDocument(fakes.deps, actorOf(creator), docId, submit);
    const again = await transitionDocument(fakes.deps, actorOf(creator), docId, submit);
    expect(again).toEqual(first);
    expect(fakes.calls).toMatchObject({ listUsers: 1, readContent: 1 });
  });

  it('keeps a reason only with a return', async () => {
    const submitted = await transitionDocument(fakes.deps, actorOf(creator), docId, input('submit', 'draft', '无关'));
    expect(submitted.event.reason).toBeNull();
    const returned = await transitionDocument(
      fakes.deps,
      actorOf(chair),
      docId,
      input('return', 'in_review', '数据不足'),
    );
    expect(returned.event.reason).toBe('数据不足');
  });
});

describe('transitionDocument refuses with a ReviewError, reading nothing more', () => {
  it('refuses a document that moved on as a conflict naming both statuses', async () => {
    const refused = transitionDocument(fakes.deps, actorOf(chair), docId, input('approve', 'in_review'));
    await expect(refused).rejects.toMatchObject({
      code: 'conflict',
      message: expect.stringMatching(/is draft, not in_review/),
    });
    expect(fakes.calls).toMatchObject({ listUsers: 0, readContent: 0 });
  });

  it('refuses someone decide() does not allow, with the denial (P12)', async () => {
    const refused = transitionDocument(fakes.deps, actorOf(creator), docId, input('file', 'draft'));
    await expect(refused).rejects.toBeInstanceOf(ReviewError);
    const member = person('elsewhere', Role.member, []);
    const notInGroup = transitionDocument(fakes.deps, actorOf(member), docId, input('submit', 'draft'));
    await expect(notInGroup).rejects.toMatchObject({ code: 'forbidden', denial: 'not_in_group' });
  });

  it('refuses an unknown document and a request id used for another request', async () => {
    const unknown = randomUUID() as DocId;
    await expect(
      transitionDocument(fakes.deps, actorOf(creator), unknown, input('submit', 'draft')),
    ).rejects.toMatchObject({ code: 'not_found' });
    const submit = input('submit', 'draft');
    await transitionDocument(fakes.deps, actorOf(creator), docId, submit);
    const reused = transitionDocument(fakes.deps, actorOf(chair), docId, { ...submit, transition: 'approve' });
    await expect(reused).rejects.toMatchObject({ code: 'conflict', message: expect.stringMatching(/request id/) });
  });
});
