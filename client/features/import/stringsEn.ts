import type { importZhCN } from './strings';

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
