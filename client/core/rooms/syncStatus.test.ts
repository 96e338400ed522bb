import { describe, expect, it } from 'vitest';
import { CloseCode } from '../../../shared';
import { deriveSyncStatus, INITIAL_SYNC_FACTS, type SyncFacts, UNREACHABLE_AFTER_FAILURES } from './syncStatus';

const connected: SyncFacts = { ...INITIAL_SYNC_FACTS, isConnected: true, hasSynced: true };

describe('deriveSyncStatus', () => {
  it('is synced only when connected, synced and nothing is unacknowledged', () => {
    expect(deriveSyncStatus(connected).phase).toBe('synced');
    expect(deriveSyncStatus({ ...connected, unsent: 2 })).toMatchObject({ phase: 'syncing', unsent: 2 });
    expect(deriveSyncStatus({ ...connected, hasSynced: false }).phase).toBe('syncing');
  });

  it('is offline with the unsent count when the browser is offline, whatever the socket says', () => {
    expect(deriveSyncStatus({ ...connected, isOnline: false, unsent: 5 })).toMatchObject({
      phase: 'offline',
      unsent: 5,
      problem: null,
    });
  });

  it('says the server is unreachable after repeated failures while online', () => {
    const facts = { ...INITIAL_SYNC_FACTS, failures: UNREACHABLE_AFTER_FAILURES, unsent: 1 };
    expect(deriveSyncStatus(facts)).toMatchObject({ phase: 'offline', problem: { kind: 'unreachable' } });
  });

  it('reports a room the server cannot load as an error that retries', () => {
    const facts = { ...INITIAL_SYNC_FACTS, lastClose: { code: CloseCode.roomUnavailable, reason: '' } };
    expect(deriveSyncStatus(facts)).toMatchObject({ phase: 'error', problem: { kind: 'roomUnavailable' } });
    expect(deriveSyncStatus({ ...facts, ...connected, lastClose: facts.lastClose }).phase).toBe('synced');
  });

  it('reports a refusal (4400-4499) with the server’s reason until the page reloads', () => {
    const lastClose = { code: CloseCode.forbidden, reason: '无权查看此文档' };
    expect(deriveSyncStatus({ ...INITIAL_SYNC_FACTS, lastClose })).toMatchObject({
      phase: 'error',
      problem: { kind: 'refused', code: CloseCode.forbidden, reason: '无权查看此文档' },
    });
  });

  it('counts a read-only connection as synced and carries the reason', () => {
    const status = deriveSyncStatus({ ...connected, unsent: 3, permissionDenied: 'schema' });
    expect(status).toMatchObject({ phase: 'synced', readOnlyReason: 'schema' });
  });
});
