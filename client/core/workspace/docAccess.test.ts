import { describe, expect, it } from 'vitest';
import { DocStatus, newDocId, Role } from '../../../shared';
import { makeMe, makeRecord, newGroupId } from '../../test/FakeServer';
import { type DocRow, emptyDocRow } from '../storage';
import { type AccessInput, deriveDocAccess } from './docAccess';

const groupId = newGroupId();
const me = makeMe([groupId]);
const docId = newDocId();
const signedIn: AccessInput = {
  auth: { status: 'signed_in', me },
  isCacheLoaded: true,
  row: undefined,
  isUnregistered: false,
  verdict: undefined,
  isChecking: false,
  isOnline: true,
};

function listed(overrides: Parameters<typeof makeRecord>[2] = {}): DocRow {
  return { ...emptyDocRow(docId), record: makeRecord(docId, groupId, overrides), serverSeenAt: 1 };
}

const deviceOnly: DocRow = emptyDocRow(docId);

describe('deriveDocAccess', () => {
  it('follows can() on the cached record: write a draft of one’s group, read it in review (P6, P7)', () => {
    expect(deriveDocAccess({ ...signedIn, row: listed() })).toBe('write');
    expect(deriveDocAccess({ ...signedIn, row: listed({ status: DocStatus.inReview }) })).toBe('read');
    expect(deriveDocAccess({ ...signedIn, row: listed({ groupId: newGroupId() }) })).toBe('none');
    const chair = makeMe([], { role: Role.chair });
    expect(deriveDocAccess({ ...signedIn, auth: { status: 'signed_in', me: chair }, row: listed() })).toBe('read');
  });

  it('keeps working from the cache when the session expired (C8)', () => {
    expect(deriveDocAccess({ ...signedIn, auth: { status: 'expired', me }, row: listed() })).toBe('write');
  });

  it('lets the creator write a document that waits for its registration, whatever the server said', () => {
    expect(deriveDocAccess({ ...signedIn, isUnregistered: true, verdict: 'not_found' })).toBe('write');
  });

  it('believes the server’s latest refusal over the cached record', () => {
    expect(deriveDocAccess({ ...signedIn, row: listed(), verdict: 'none' })).toBe('none');
    expect(deriveDocAccess({ ...signedIn, row: listed(), verdict: 'not_found' })).toBe('not_found');
  });

  it('lets the user write a document that exists only on this device', () => {
    expect(deriveDocAccess({ ...signedIn, row: deviceOnly })).toBe('write');
    expect(deriveDocAccess({ ...signedIn, row: deviceOnly, verdict: 'not_found' })).toBe('write');
    expect(deriveDocAccess({ ...signedIn, row: deviceOnly, verdict: 'none' })).toBe('none');
  });

  it('is checking while nothing is known yet, and unknown offline when the server cannot be asked', () => {
    expect(deriveDocAccess({ ...signedIn, auth: { status: 'loading' } })).toBe('checking');
    expect(deriveDocAccess({ ...signedIn, isCacheLoaded: false })).toBe('checking');
    expect(deriveDocAccess({ ...signedIn, isChecking: true })).toBe('checking');
    expect(deriveDocAccess({ ...signedIn, isOnline: false })).toBe('unknown_offline');
    expect(deriveDocAccess({ ...signedIn, verdict: 'offline' })).toBe('unknown_offline');
    expect(deriveDocAccess({ ...signedIn, auth: { status: 'signed_out' } })).toBe('none');
  });
});
