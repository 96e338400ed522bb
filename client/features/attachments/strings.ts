/**
 * The attachments' and the use made of reports' strings: Simplified Chinese (the default), with English under
 * the same keys in the En file beside it, loaded only when chosen.
 */
export const attachmentsZhCN = {
  tab: '采用情况',
  title: '采用情况',
  lead: '社情民意信息、调研报告的报送、采用和领导批示情况，由秘书处登记。',
  empty: '尚未登记采用情况。',
  loading: '正在读取采用情况…',
  offline: '采用情况需要联网查看。',
  type: { forwarded: '报送', adopted: '采用', instruction: '领导批示' },
  level: { city: '市级', province: '省级', national: '全国' },
  adoptedLevel: { city: '市政协信息刊物', province: '省政协信息刊物', national: '全国政协信息刊物' },
  byLabel: '报送单位、刊物或批示领导',
  byPlaceholder: '如：省政协《社情民意》第12期、市长×××',
  atLabel: '日期',
  noteLabel: '说明',
  typeLabel: '类型',
  levelLabel: '层级',
  evidenceLabel: '佐证材料（扫描件或文本：PDF、Word、JPG、PNG，10 MB 以内）',
  evidence: '佐证材料',
  record: '登记',
  remove: '删除',
  removeConfirm: '删除这条登记？佐证材料仍保留。',
  recordedBy: '{{name}} 登记',
  replyLetter: '答复函',
  replyLetterLabel: '上传答复函（PDF 或 Word，10 MB 以内，可代替正文）',
  download: '下载',
  problem: {
    type: '只能上传 PDF、Word（.docx）文件{{extra}}',
    typeExtra: '或 JPG、PNG 图片',
    size: '文件超过 10 MB，请压缩或分开上传',
    empty: '文件是空的',
  },
  uploading: '正在上传…',
  chosen: '已选择：{{name}}（{{size}}）',
};
