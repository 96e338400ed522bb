import type * as Y from 'yjs';
import type { DocRecord } from '../../shared/api/schemas';
import {
  blockingFailures,
  bodyBlocks,
  CHECKS_OF_KIND,
  type CheckedCosigner,
  ContentField,
  DEFAULT_SUBMIT_CHECKS,
  readFields,
  runSubmitChecks,
  type SubmitCheckInput,
  type SubmitChecksConfig,
} from '../../shared/index';
import { readSubmitChecks } from '../settings/committeeSettings';
import type { CommitteeSettingsStore } from '../storage/CommitteeSettingsStore';
import { outdatedSigners } from './outdatedSigners';
import { ReviewError } from './ReviewError';

export interface SubmitCheckDeps {
  /** Where the secretariat's configuration is; absent, the defaults apply. */
  readonly settings?: Pick<CommitteeSettingsStore, 'getSetting'>;
}

/** The configuration of the checks before submitting; null when none of the kind's checks blocks (nothing to read). */
export async function blockingSubmitChecks(
  deps: SubmitCheckDeps,
  record: DocRecord,
): Promise<SubmitChecksConfig | null> {
  const config = deps.settings === undefined ? DEFAULT_SUBMIT_CHECKS : (await readSubmitChecks(deps.settings)).checks;
  const settings = config[record.kind];
  return CHECKS_OF_KIND[record.kind].some((check) => settings[check].enabled && settings[check].blocking)
    ? config
    : null;
}

/**
 * What the checks read of the server's content, as the client's dialog reads it on the device.
 * `record` carries the co-signers' signed snapshots; `doc` is not changed.
 */
export function submitCheckInput(doc: Y.Doc, record: DocRecord): SubmitCheckInput {
  const listed = record.cosigners.filter((cosigner) => cosigner.state !== 'withdrawn');
  const outdated = new Set(outdatedSigners(doc, listed));
  const cosigners: CheckedCosigner[] = listed.map((cosigner) => ({
    userId: cosigner.userId,
    state: cosigner.state === 'signed' ? 'signed' : 'invited',
    isOutdated: outdated.has(cosigner.userId),
  }));
  return {
    kind: record.kind,
    title: doc.getText(ContentField.title).toString(),
    body: bodyBlocks(doc),
    fields: readFields(doc, record.kind),
    cosigners,
  };
}

/**
 * Refuses a submit whose content fails blocking checks before submitting (RULES.md K1-K5), with
 * the list: a client that skipped the dialog, or whose device held another text, is held to the
 * same rules as the dialog. Called while the content's writes are held.
 */
export function refuseFailedChecks(record: DocRecord, config: SubmitChecksConfig, input: SubmitCheckInput): void {
  const failures = blockingFailures(runSubmitChecks(config, input));
  if (failures.length > 0) {
    throw new ReviewError(
      'checks_failed',
      `Cannot submit document ${record.id}: ${failures.length} blocking check(s) failed (${failures
        .map((failure) => failure.check)
        .join(', ')}); fix them and submit again`,
      null,
      failures,
    );
  }
}
