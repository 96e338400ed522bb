/**
 * The advanced settings' strings (API tokens) and what a password change says about them:
 * Simplified Chinese (the default), with English under the same keys in the En file beside it, loaded only when chosen.
 */
export const advancedZhCN = {
  title: '高级',
  lead: '供开发者和统计人员使用。一般委员不需要这里的设置。',
  tokensTitle: 'API 令牌',
  tokensLead:
    '供脚本或其他工具访问建言。令牌拥有与你的账号相同的权限，请妥善保管；修改密码或密码被重置后，所有令牌都会失效。',
  tokenName: '令牌名称',
  tokenNamePlaceholder: '如：统计脚本',
  currentPassword: '登录密码',
  passwordHint: '令牌代表你本人，创建时需要再次输入登录密码。',
  expiry: '有效期',
  days: '{{count}} 天',
  createToken: '创建令牌',
  wrongPassword: '登录密码不正确。',
  tokenCreated: '令牌“{{name}}”已创建，{{date}} 前有效。它只显示这一次，请立即复制保存：',
  tokenValue: '令牌',
  colTokenName: '名称',
  colCreated: '创建时间',
  colExpires: '有效期至',
  colLastUsed: '最近使用',
  neverUsed: '从未使用',
  expired: '已过期',
  revoke: '撤销',
  revokeConfirm: '撤销后，使用“{{name}}”的程序将不能再访问建言。确定撤销吗？',
  noTokens: '还没有令牌。',
  passwordChangedTokens: '密码已修改，其他设备上的登录已退出，你的 {{count}} 个 API 令牌也已失效。',
};

/** The text-size setting's strings. */
export const textSizeZhCN = {
  title: '文字大小',
  lead: '只对这台设备生效。字号调大后，页面会随之重新排列。',
  legend: '文字大小',
  standard: '标准',
  large: '大',
  xlarge: '特大',
  sample: '示例：关于加强社区居家养老服务的提案',
};
