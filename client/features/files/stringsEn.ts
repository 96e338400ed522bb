import type { filesZhCN } from './strings';

export const filesEn: typeof filesZhCN = {
  insertPhoto: 'Insert photo',
  fromGallery: 'Choose from gallery or files',
  takePhoto: 'Take photo',
  insertFile: 'Insert attachment',
  working: 'Preparing the photo…',
  loading: 'Loading the photo…',
  unavailable: 'This photo is not on this device yet and cannot be shown offline.',
  retry: 'Tap to retry',
  open: 'Open or download “{{name}}”',
  refused: {
    too_large: '“{{name}}” is larger than 10 MB and cannot be inserted.',
    wrong_type: '“{{name}}” is not a PDF, Word (.docx) or Excel (.xlsx) file and cannot be inserted.',
    not_picture: '“{{name}}” is not a picture this browser can read and cannot be inserted.',
  },
  addCaption: 'Add a caption',
  editCaption: 'Edit the caption',
  captionTitle: 'Photo caption',
  captionLabel: 'Caption',
  captionHint: 'For example: Figure 1, the broken bridge at Hekou (November 2026)',
  pastedName: 'Pasted picture {{number}}',
  pastedUnreadable:
    'The pasted content has {{count}} pictures the browser cannot read; they were not inserted. Copy each picture on its own and paste it, or save it as a file in Word or WPS and add it with “Insert photo”.',
  notHere: '“{{name}}” is not on this device and cannot be opened offline. Try again when online.',
  problemUpload: 'A photo or attachment in “{{title}}” could not be uploaded: {{reason}}',
  quota: {
    document: "this document's photos and attachments have reached their limit ({{used}} used of {{limit}})",
    committee: "the committee's file storage is full ({{used}} used of {{limit}})",
  },
};
