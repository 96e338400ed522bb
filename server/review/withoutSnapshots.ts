import type { DocRecord } from '../../shared/api/schemas';

/**
 * The record with each co-signer's snapshot left out (null). Snapshots can be large and only
 * the activity of one document and the signature answers need them; every other answer and
 * stream event leaves them out.
 */
export function withoutSnapshots(record: DocRecord): DocRecord {
  if (record.cosigners.every((cosigner) => cosigner.snapshot === null)) {
    return record;
  }
  return { ...record, cosigners: record.cosigners.map((cosigner) => ({ ...cosigner, snapshot: null })) };
}
