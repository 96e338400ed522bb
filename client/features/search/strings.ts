/**
 * The search part's strings: Simplified Chinese (the default), with English under the same keys in the En file
 * beside it, loaded only when chosen.
 */
export const searchZhCN = {
  nav: '搜索',
  title: '搜索',
  label: '搜索本设备上的文档',
  placeholder: '搜索标题、正文、基本信息和评论',
  hint: '离线也能搜索。输入词语，多个词用空格分开；按 / 或 Ctrl+K 随时打开搜索。',
  submit: '搜索',
  filters: '筛选',
  anyKind: '全部类型',
  anyStatus: '全部状态',
  anyGroup: '全部小组',
  anyYear: '全部年份',
  kindFilter: '类型',
  statusFilter: '状态',
  groupFilter: '小组',
  yearFilter: '年份',
  starting: '正在读取本设备上的搜索索引…',
  building: '正在建立索引，还有 {{count}} 篇文档，结果可能不全',
  failed: '搜索索引出错，暂时无法搜索。请刷新页面重试。',
  unavailable: '此浏览器不支持离线搜索',
  empty: '没有找到包含“{{query}}”的文档',
  emptyFiltered: '没有符合筛选条件的结果，可以放宽筛选再试',
  count: '找到 {{count}} 篇文档',
  many: '显示最相关的 {{count}} 篇文档',
  untitled: '无标题文档',
  place: { title: '标题', body: '正文', fields: '基本信息', comments: '评论' },
  resultsLabel: '搜索结果',
};
