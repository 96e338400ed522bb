import { decodeDataUrl } from '../../core/files';
import { type HtmlNode, parseHtml, textOf } from '../../editor/htmlTree';

/** A picture carried in pasted HTML itself (a `data:` URL of a photo type), decoded. */
export type CarriedPicture = NonNullable<ReturnType<typeof decodeDataUrl>>;

/** What HTML pasted from another program holds besides its text. */
export interface PastedPictures {
  /** Pictures carried in the HTML itself, which can become photos. */
  readonly inline: readonly CarriedPicture[];
  /**
   * Pictures the HTML only points at, or carries in a type a photo cannot be: Word and WPS put a
   * path on the copier's disk (`file:///C:/…/image001.png`), a web page its own address; the
   * browser cannot read them.
   */
  readonly unreadable: number;
  /** Whether the HTML holds any text: without, a copied picture comes as the clipboard's file. */
  readonly hasText: boolean;
}

function pictureSources(node: HtmlNode, into: string[]): string[] {
  if (node.kind === 'element') {
    if (node.tag === 'img') {
      into.push(node.attrs.src ?? '');
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
  const inline = sources.flatMap((src) => {
    const decoded = decodeDataUrl(src);
    return decoded === null ? [] : [decoded];
  });
  return { inline, unreadable: sources.length - inline.length, hasText: textOf(root).trim() !== '' };
}
