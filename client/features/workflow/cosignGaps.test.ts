import { createInstance, type TFunction } from 'i18next';
import { describe, expect, it } from 'vitest';
import type { UserId } from '../../../shared';
import type { Cosigner, Person } from '../../../shared/api/schemas';
import { zhCN } from '../../app/i18n/zh-CN';
import type { SignatureState } from '../../core/review';
import { newUserId } from '../../test/FakeServer';
import { cosignGaps, cosignWarnings } from './cosignGaps';

const LI = newUserId();
const ZHAO = newUserId();
const WANG = newUserId();
const SUN = newUserId();
const NAMES = new Map<UserId, string>([
  [LI, '李委员'],
  [ZHAO, '赵委员'],
  [WANG, '王委员'],
  [SUN, '孙委员'],
]);
const PEOPLE = new Map<UserId, Person>(
  [...NAMES].map(([id, name]) => [
    id,
    { id, username: name, name, role: 'member', groupIds: [], isActive: true } as Person,
  ]),
);

function cosigner(userId: UserId, state: Cosigner['state']): Cosigner {
  const isSigned = state === 'signed';
  return {
    userId,
    state,
    invitedBy: null,
    invitedAt: 1,
    signedAt: isSigned ? 2 : null,
    snapshot: isSigned ? 'AAA=' : null,
  };
}

async function zhT(): Promise<TFunction> {
  const i18n = createInstance();
  await i18n.init({
    lng: 'zh-CN',
    resources: { 'zh-CN': { translation: zhCN } },
    interpolation: { escapeValue: false },
  });
  return i18n.t;
}

describe('cosignGaps', () => {
  const cosigners = [
    cosigner(LI, 'invited'),
    cosigner(WANG, 'signed'),
    cosigner(ZHAO, 'invited'),
    cosigner(SUN, 'signed'),
    cosigner(newUserId(), 'withdrawn'),
  ];

  it('names who has not signed and who signed an older text, in the co-signers’ order', () => {
    const states = new Map<UserId, SignatureState>([
      [WANG, 'outdated'],
      [SUN, 'current'],
    ]);
    expect(cosignGaps(cosigners, states)).toEqual({ unsigned: [LI, ZHAO], outdated: [WANG] });
  });

  it('does not count a signature this device cannot compare yet as outdated', () => {
    const states = new Map<UserId, SignatureState>([[WANG, 'unknown']]);
    expect(cosignGaps(cosigners, states).outdated).toEqual([]);
  });

  it('words the warnings with every name, and none when everyone signed the current text', async () => {
    const t = await zhT();
    expect(cosignWarnings({ unsigned: [LI, ZHAO], outdated: [WANG] }, PEOPLE, t)).toEqual([
      '尚有 2 位联名人未签署：李委员、赵委员',
      '1 位联名人签署的是较早的版本：王委员',
    ]);
    expect(cosignWarnings({ unsigned: [], outdated: [] }, PEOPLE, t)).toEqual([]);
  });
});
