/** The inbox part's strings: Simplified Chinese (the default) and English with the same keys. */
export const inboxZhCN = {
  title: '收件箱',
  open: '收件箱',
  openUnread: '收件箱，{{count}} 条未读',
  unread: '未读',
  markAllRead: '全部标为已读',
  empty: '没有通知。有人提到你、请你审阅或联名，以及文档被退回、通过、立案时，会在这里通知你。',
  loading: '正在读取通知…',
  offline: '离线：显示的是本设备上的通知，已读状态会在联网后同步',
  listLabel: '通知',
  untitled: '无标题文档',
  text: {
    mention: '{{actor}} 在《{{title}}》中提到了你',
    review_requested: '{{actor}} 请你审阅《{{title}}》',
    returned: '《{{title}}》被退回修改',
    approved: '《{{title}}》已审核通过',
    filed: '《{{title}}》已立案',
    cosign_requested: '{{actor}} 邀请你联名《{{title}}》',
    cosign_outdated: '你联名的《{{title}}》有修改，请重新签署',
    token_created: '你的账号新建了 API 令牌“{{title}}”',
  },
  tokenCreatedHint: '如果不是你本人操作，请立即在“设置”中修改密码，所有 API 令牌会随之失效。',
  reason: '理由：{{reason}}',
  excerpt: '“{{excerpt}}”',
};

export const inboxEn: typeof inboxZhCN = {
  title: 'Inbox',
  open: 'Inbox',
  openUnread: 'Inbox, {{count}} unread',
  unread: 'Unread',
  markAllRead: 'Mark all as read',
  empty:
    'No notifications. You are told here when someone mentions you, asks you to review or co-sign, and when a document is returned, approved or filed.',
  loading: 'Loading notifications…',
  offline: 'Offline: showing the notifications on this device; read marks are sent when online',
  listLabel: 'Notifications',
  untitled: 'Untitled document',
  text: {
    mention: '{{actor}} mentioned you in “{{title}}”',
    review_requested: '{{actor}} asks you to review “{{title}}”',
    returned: '“{{title}}” was returned for changes',
    approved: '“{{title}}” was approved',
    filed: '“{{title}}” was filed',
    cosign_requested: '{{actor}} invites you to co-sign “{{title}}”',
    cosign_outdated: '“{{title}}”, which you co-signed, has changed: please sign again',
    token_created: 'An API token “{{title}}” was created for your account',
  },
  tokenCreatedHint:
    'If it was not you, change your password in Settings at once: every API token stops working with it.',
  reason: 'Reason: {{reason}}',
  excerpt: '“{{excerpt}}”',
};
