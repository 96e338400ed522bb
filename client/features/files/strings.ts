/**
 * Photos and attachments in documents: Simplified Chinese (the default), with English under the same keys in the
 * En file beside it, loaded only when chosen.
 */
export const filesZhCN = {
  insertPhoto: '插入图片',
  fromGallery: '从相册或文件选择',
  takePhoto: '拍照',
  insertFile: '插入附件',
  working: '正在处理图片…',
  loading: '正在载入图片…',
  unavailable: '此图片尚未保存在本设备上，离线时无法显示。',
  retry: '点此重试',
  open: '打开或下载“{{name}}”',
  refused: {
    too_large: '“{{name}}”超过 10 MB，无法插入。',
    wrong_type: '“{{name}}”不是 PDF、Word (.docx) 或 Excel (.xlsx) 文件，无法插入。',
    not_picture: '“{{name}}”不是本浏览器能读取的图片，无法插入。',
  },
  addCaption: '添加图片说明',
  editCaption: '修改图片说明',
  captionTitle: '图片说明',
  captionLabel: '说明文字',
  captionHint: '例如：图1 河口镇断桥现状（2026年11月摄）',
  pastedName: '粘贴的图片{{number}}',
  pastedUnreadable:
    '粘贴的内容中有 {{count}} 张图片浏览器无法读取，没有插入。请单独复制图片再粘贴，或在 Word、WPS 中把图片另存为文件后用“插入图片”添加。',
  notHere: '“{{name}}”不在本设备上，离线时无法打开，请联网后再试。',
  problemUpload: '《{{title}}》中的图片或附件未能上传：{{reason}}',
  quota: {
    document: '本文档的图片和附件已达上限（已用 {{used}}，上限 {{limit}}）',
    committee: '委员会的文件存储空间已满（已用 {{used}}，上限 {{limit}}）',
  },
};
