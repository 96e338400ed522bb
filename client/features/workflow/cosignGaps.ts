import type { TFunction } from 'i18next';
import type { UserId } from '../../../shared';
import type { Cosigner, Person } from '../../../shared/api/schemas';
import type { SignatureState } from '../../core/review';
import { nameOf } from '../docs/peopleNames';

/** The co-signers of a proposal who do not stand behind its current text. */
export interface CosignGaps {
  /** Asked to co-sign and not signed yet (待签署). */
  readonly unsigned: readonly UserId[];
  /** Signed a version whose title or body differs from the current one. */
  readonly outdated: readonly UserId[];
}

/**
 * Who has not signed and who signed an older text, in the co-signers' order. `states` are the
 * signed co-signers' states on this device (`signatureStateOf`); a signature this device cannot
 * compare yet (absent or `unknown`) is not counted as outdated.
 */
export function cosignGaps(cosigners: readonly Cosigner[], states: ReadonlyMap<UserId, SignatureState>): CosignGaps {
  return {
    unsigned: cosigners.filter((each) => each.state === 'invited').map((each) => each.userId),
    outdated: cosigners
      .filter((each) => each.state === 'signed' && states.get(each.userId) === 'outdated')
      .map((each) => each.userId),
  };
}

/**
 * The warnings of a confirmation before submitting, approving or filing a proposal:
 * "尚有 2 位联名人未签署：李委员、赵委员", "1 位联名人签署的是较早的版本：王委员". None when every
 * co-signer signed the current text. Every name is listed: the person decides whether to go on.
 */
export function cosignWarnings(gaps: CosignGaps, people: ReadonlyMap<UserId, Person>, t: TFunction): string[] {
  const names = (ids: readonly UserId[]) => ids.map((id) => nameOf(id, people, t)).join(t('common.listSeparator'));
  return [
    ...(gaps.unsigned.length === 0
      ? []
      : [t('workflow.gaps.unsigned', { count: gaps.unsigned.length, names: names(gaps.unsigned) })]),
    ...(gaps.outdated.length === 0
      ? []
      : [t('workflow.gaps.outdated', { count: gaps.outdated.length, names: names(gaps.outdated) })]),
  ];
}
