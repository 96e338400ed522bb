import { type HtmlNode, parseHtml, textOf } from '../../editor/htmlTree';

/** What HTML pasted from another program holds besides its text. */
export interface PastedPictures {
  /** Pictures carried in the HTML itself (`data:` URLs), which can become photos. */
  readonly inline: readonly string[];
  /**
   * Pictures the HTML only points at: Word and WPS put a path on the copier's disk
   * (`file:///C:/…/image001.png`), a web page its own address; the browser cannot read them.
   */
  readonly unreadable: number;
  /** Whether the HTML holds any text: without, a copied picture comes as the clipboard's file. */
  readonly hasText: boolean;
}

const INLINE_PICTURE = /^data:image\/(png|jpeg|gif|webp|bmp);base64,[a-z0-9+/=\s]+$/i;

function pictureSources(node: HtmlNode, into: string[]): string[] {
  if (node.kind === 'element') {
    if (node.tag === 'img') {
      into.push((node.attrs.src ?? '').trim());
    }
    for (const child of node.children) {
      pictureSources(child, into);
    }
  }
  return into;
}

/** The pictures of pasted HTML: those it carries and those it only names. */
export function pastedPictures(html: string): PastedPictures {
  if (html.trim() === '') {
    return { inline: [], unreadable: 0, hasText: false };
  }
  const root = parseHtml(html);
  const sources = pictureSources(root, []);
  const inline = sources.filter((src) => INLINE_PICTURE.test(src));
  return { inline, unreadable: sources.length - inline.length, hasText: textOf(root).trim() !== '' };
}

/** A `data:` URL's picture as a file to insert; null for anything else. */
export function inlinePictureFile(url: string, name: string): File | null {
  const match = /^data:(image\/[a-z]+);base64,(.*)$/is.exec(url.trim());
  if (match === null) {
    return null;
  }
  try {
    const binary = atob((match[2] ?? '').replace(/\s+/g, ''));
    const bytes = Uint8Array.from(binary, (char) => char.charCodeAt(0));
    return new File([bytes], name, { type: (match[1] ?? '').toLowerCase() });
  } catch {
    return null;
  }
}
