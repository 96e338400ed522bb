/** The import dialog's strings: Simplified Chinese (the default) and English with the same keys. */
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

export const importEn: typeof importZhCN = {
  open: 'Import',
  openLabel: 'Import from a Word or Markdown file',
  heading: 'Import a document',
  prompt:
    'Choose a Word (.docx) or Markdown (.md) file. Jianyan adds it to this group as a new draft, keeping its headings, lists, tables, pictures, bold and italics.',
  kindLabel: 'Document type',
  fileLabel: 'File',
  hint: 'The draft takes its title from the heading at the start of the file, or else from the file name; the text takes the place of the template’s empty sections. JPEG, PNG and WebP pictures come in as photos; pictures of other kinds (such as EMF) are left out.',
  submit: 'Import',
  chooseFirst: 'Choose a file to import first.',
  progress: 'Import progress',
  stage: {
    reading: 'Reading the file…',
    converting: 'Converting…',
    creating: 'Creating the draft…',
  },
  problem: {
    tooLarge:
      'The file is larger than {{limit}} MB and cannot be imported. Remove large pictures or split it, then try again.',
    legacyFormat:
      'This is an old Word or WPS format (.doc, .wps). Save it as .docx in Word or WPS first, then import it.',
    unsupported: 'Only Word (.docx) and Markdown (.md) files can be imported.',
    badDocx: 'The file is damaged or not a Word document and cannot be read.',
    notText: 'This file is not Markdown text and cannot be read.',
    empty: 'There is nothing to import in this file.',
  },
  failed: 'Import failed: {{error}}',
};
