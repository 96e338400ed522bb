import JSZip from 'jszip';

/** The XML parts of a .docx that the tests read: the body, the styles and the footers joined. */
export interface DocxParts {
  readonly document: string;
  readonly styles: string;
  readonly footers: string;
  readonly settings: string;
}

export async function readDocx(bytes: Uint8Array): Promise<DocxParts> {
  const zip = await JSZip.loadAsync(bytes);
  const read = async (path: string) => (await zip.file(path)?.async('string')) ?? '';
  const footerPaths = Object.keys(zip.files).filter((path) => /^word\/footer\d*\.xml$/.test(path));
  const footers = await Promise.all(footerPaths.map(read));
  return {
    document: await read('word/document.xml'),
    styles: await read('word/styles.xml'),
    footers: footers.join('\n'),
    settings: await read('word/settings.xml'),
  };
}

/** The text of a WordprocessingML part: every w:t in order. */
export function plainText(xml: string): string {
  return [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((match) => match[1]).join('');
}
