/**
 * The import dialog's strings: Simplified Chinese (the default), with English under the same keys in the En file
 * beside it, loaded only when chosen.
 */
export const importZhCN = {
  open: '导入',
  openLabel: '从 Word 或 Markdown 文件导入',
  heading: '导入文档',
  prompt:
    '选择 Word (.docx) 或 Markdown (.md) 文件，建言会把它作为本组的新草稿，保留标题、列表、表格、图片和加粗、倾斜等格式。',
  kindLabel: '文档类型',
  fileLabel: '文件',
  hint: '草稿标题取文件开头的标题，没有时取文件名；正文代替模板中的空白章节。JPEG、PNG、WebP 图片作为照片导入，其他格式的图片（如 EMF）不导入。',
  submit: '导入',
  chooseFirst: '请先选择要导入的文件。',
  progress: '导入进度',
  stage: {
    reading: '正在读取文件…',
    converting: '正在转换格式…',
    creating: '正在创建草稿…',
  },
  problem: {
    tooLarge: '文件超过 {{limit}} MB，无法导入。请删去大图片或拆分后再试。',
    legacyFormat: '这是旧版 Word 或 WPS 格式（.doc、.wps），请先在 Word 或 WPS 中“另存为” .docx 再导入。',
    unsupported: '只能导入 Word (.docx) 或 Markdown (.md) 文件。',
    badDocx: '文件已损坏或不是 Word 文档，无法读取。',
    notText: '这个文件不是文本格式的 Markdown，无法读取。',
    empty: '文件里没有可导入的内容。',
  },
  failed: '导入失败：{{error}}',
};
