import type { TFunction } from 'i18next';
import type { SyncProblem, SyncStatus } from '../../core/rooms';
import { relayReasonText } from '../../ui/errorText';

/** What the header indicator shows: a tone for the dot, a label and a longer hint. */
export interface IndicatorView {
  readonly phase: 'synced' | 'syncing' | 'offline' | 'error';
  readonly label: string;
  readonly hint: string;
}

function problemText(problem: SyncProblem, t: TFunction): string {
  switch (problem.kind) {
    case 'roomUnavailable':
      return t('sync.roomUnavailable');
    case 'tooBig':
      return t('sync.tooBig');
    case 'refused':
      return problem.reason === ''
        ? t('sync.refusedNoReason', { code: problem.code })
        : t('sync.refused', { reason: relayReasonText(problem.reason, t) });
    case 'unreachable':
      return t('sync.unreachable', { count: 0 });
  }
}

/** The indicator for an open document. */
export function docIndicatorView(status: SyncStatus, t: TFunction): IndicatorView {
  const count = status.unsent;
  switch (status.phase) {
    case 'synced':
      return { phase: 'synced', label: t('sync.synced'), hint: t('sync.syncedHint') };
    case 'syncing':
      return {
        phase: 'syncing',
        label: count > 0 ? t('sync.syncingPending', { count }) : t('sync.syncing'),
        hint: t('sync.syncingHint'),
      };
    case 'offline':
      if (status.problem?.kind === 'unreachable') {
        return { phase: 'offline', label: t('sync.unreachable', { count }), hint: t('sync.unreachableHint') };
      }
      return {
        phase: 'offline',
        label: count > 0 ? t('sync.offlinePending', { count }) : t('sync.offline'),
        hint: t('sync.offlineHint'),
      };
    case 'error': {
      const text = status.problem === null ? t('sync.error') : problemText(status.problem, t);
      return { phase: 'error', label: text, hint: text };
    }
  }
}

/** The indicator on the document list: the network, and changes of any document still unsent. */
export function listIndicatorView(isOnline: boolean, unsent: number, t: TFunction): IndicatorView {
  if (!isOnline) {
    return {
      phase: 'offline',
      label: unsent > 0 ? t('sync.offlinePending', { count: unsent }) : t('sync.offline'),
      hint: t('sync.offlineHint'),
    };
  }
  if (unsent > 0) {
    return { phase: 'syncing', label: t('sync.listPending', { count: unsent }), hint: t('sync.listPendingHint') };
  }
  return { phase: 'synced', label: t('sync.synced'), hint: t('sync.syncedHint') };
}

/** The session ended: nothing syncs until the person signs in again; their changes wait on the device. */
export function expiredIndicatorView(unsent: number, t: TFunction): IndicatorView {
  return {
    phase: 'offline',
    label: unsent > 0 ? t('sync.expiredPending', { count: unsent }) : t('sync.expired'),
    hint: t('sync.expiredHint'),
  };
}
