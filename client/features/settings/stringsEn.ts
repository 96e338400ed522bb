import type { advancedZhCN, textSizeZhCN } from './strings';

export const advancedEn: typeof advancedZhCN = {
  title: 'Advanced',
  lead: 'For developers and statisticians. Most members need nothing here.',
  tokensTitle: 'API tokens',
  tokensLead:
    'For scripts and other tools that use Jianyan. A token has the same rights as your account: keep it safe. Every token stops working when your password is changed or reset.',
  tokenName: 'Token name',
  tokenNamePlaceholder: 'e.g. statistics script',
  currentPassword: 'Your password',
  passwordHint: 'A token acts as you: making one asks for your password again.',
  expiry: 'Valid for',
  days: '{{count}} days',
  createToken: 'Create token',
  wrongPassword: 'The password is wrong.',
  tokenCreated:
    'Token “{{name}}” was created and works until {{date}}. It is shown only now: copy it and keep it safe:',
  tokenValue: 'Token',
  colTokenName: 'Name',
  colCreated: 'Created',
  colExpires: 'Valid until',
  colLastUsed: 'Last used',
  neverUsed: 'Never',
  expired: 'Expired',
  revoke: 'Revoke',
  revokeConfirm: 'Programs using “{{name}}” will no longer reach Jianyan. Revoke it?',
  noTokens: 'No tokens yet.',
  passwordChangedTokens:
    'Your password was changed, your other sign-ins have ended, and your {{count}} API tokens no longer work.',
};

export const textSizeEn: typeof textSizeZhCN = {
  title: 'Text size',
  lead: 'Applies to this device only. Pages rearrange to fit larger text.',
  legend: 'Text size',
  standard: 'Standard',
  large: 'Large',
  xlarge: 'Extra large',
  sample: 'Sample: a proposal on better home care for older residents',
};
