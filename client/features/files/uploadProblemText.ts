import type { TFunction } from 'i18next';
import { formatBytes } from '../../../shared/domain/docFiles';
import type { OutboxProblem } from '../../core/outbox';

/**
 * A refused upload over a quota in the member's words, with what is used and the limit (the
 * outbox keeps the refusal as `<quota>:<used>:<limit>`); null for any other refusal.
 */
export function uploadRefusalText(problem: OutboxProblem, t: TFunction): string | null {
  const match = /^(document|committee):(\d+):(\d+)$/.exec(problem.reason ?? '');
  if (problem.code !== 'quota_exceeded' || match === null) {
    return null;
  }
  const [, quota, used, limit] = match;
  const values = { used: formatBytes(Number(used)), limit: formatBytes(Number(limit)) };
  return quota === 'document' ? t('files.quota.document', values) : t('files.quota.committee', values);
}
