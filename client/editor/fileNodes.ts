import { type Editor, Node, type NodeViewRendererProps } from '@tiptap/core';
import type { Node as PmNode } from '@tiptap/pm/model';
import type * as Y from 'yjs';
import { raiseSchemaVersion } from '../../shared';
import {
  cleanPhotoAlt,
  type FileLinkAttrs,
  FileNodeName,
  type PhotoAttrs,
  readFileLinkAttrs,
  readPhotoAttrs,
} from '../../shared/domain/docFileNodes';

/**
 * Where the editor gets a document file's bytes to show (the device, else the server) and how it
 * opens an attachment. The editor knows neither the network nor the store: the page passes one.
 */
export interface DocFileSource {
  /** A URL of the file's bytes (an object URL); null when it cannot be had now (offline, not uploaded yet). */
  readonly urlOf: (sha256: string) => Promise<string | null>;
  /** Opens or downloads an attachment. */
  readonly open: (file: FileLinkAttrs) => void;
  /** Asks for a photo's caption (its alternative text), given the current one; null when cancelled. */
  readonly editCaption?: (current: string) => Promise<string | null>;
  /** Texts shown in the body. */
  readonly text: {
    readonly loading: string;
    readonly unavailable: string;
    readonly retry: string;
    readonly open: (name: string) => string;
    /** The caption button's name: to add one, and to change it. */
    readonly addCaption?: string;
    readonly editCaption?: string;
  };
  /** The size of a file as people read it (`2.4 MB`). */
  readonly formatSize: (bytes: number) => string;
}

export interface FileNodeOptions {
  readonly files: DocFileSource | null;
}

function intAttr(element: HTMLElement, name: string): number | null {
  const value = Number(element.getAttribute(name));
  return Number.isSafeInteger(value) ? value : null;
}

/**
 * The photo's caption under it (its alternative text, which exports carry too), and a button to
 * add or change it where the text can be edited.
 */
function photoCaption(props: NodeViewRendererProps, files: DocFileSource | null, alt: string): HTMLElement[] {
  const caption = document.createElement('figcaption');
  caption.className = 'doc-photo__caption';
  caption.textContent = alt;
  caption.hidden = alt === '';
  const { editor, getPos } = props;
  const ask = files?.editCaption;
  if (ask === undefined) {
    return [caption];
  }
  // Made even while the text is read-only (the stylesheet hides it then): a document that becomes
  // editable does not draw its photos again.
  const button = document.createElement('button');
  button.type = 'button';
  button.className = 'doc-photo__caption-edit';
  button.textContent = (alt === '' ? files?.text.addCaption : files?.text.editCaption) ?? '';
  button.addEventListener('click', () => {
    // The text may have become read-only since (submitted, archived, the connection refused).
    if (!editor.isEditable) {
      return;
    }
    void ask(alt).then((asked) => {
      const pos = getPos();
      if (asked === null || typeof pos !== 'number' || editor.isDestroyed || !editor.isEditable) {
        return;
      }
      // As the relay accepts it (D8): a tab pasted from a table would have the update refused.
      const next = cleanPhotoAlt(asked);
      const current = editor.state.doc.nodeAt(pos);
      if (next !== alt && current?.type.name === FileNodeName.photo) {
        editor.view.dispatch(editor.state.tr.setNodeMarkup(pos, undefined, { ...current.attrs, alt: next }));
      }
    });
  });
  return [caption, button];
}

/** The photo's figure: the image once its bytes are here, a placeholder until then, a clear state when they cannot be had. */
function photoView(
  props: NodeViewRendererProps,
  files: DocFileSource | null,
): { dom: HTMLElement; destroy: () => void } {
  const attrs = readPhotoAttrs(props.node.attrs);
  const figure = document.createElement('figure');
  figure.className = 'doc-photo';
  figure.contentEditable = 'false';
  const img = document.createElement('img');
  const note = document.createElement('button');
  note.type = 'button';
  note.className = 'doc-photo__note';
  figure.append(img, note, ...photoCaption(props, files, attrs?.alt ?? ''));
  let isGone = false;
  const show = (state: 'loading' | 'ready' | 'unavailable'): void => {
    figure.dataset.state = state;
    note.hidden = state === 'ready';
    note.disabled = state === 'loading';
    note.textContent =
      files === null ? '' : state === 'loading' ? files.text.loading : `${files.text.unavailable} ${files.text.retry}`;
  };
  const load = (): void => {
    if (attrs === null || files === null) {
      show('unavailable');
      return;
    }
    show('loading');
    files.urlOf(attrs.sha256).then(
      (url) => {
        if (isGone) {
          return;
        }
        if (url === null) {
          show('unavailable');
        } else {
          img.src = url;
          show('ready');
        }
      },
      () => show('unavailable'),
    );
  };
  if (attrs !== null) {
    figure.dataset.sha256 = attrs.sha256;
    img.width = attrs.width;
    img.height = attrs.height;
    img.alt = attrs.alt;
  }
  note.addEventListener('click', load);
  const onOnline = (): void => {
    if (figure.dataset.state === 'unavailable') {
      load();
    }
  };
  window.addEventListener('online', onOnline);
  load();
  return {
    dom: figure,
    destroy: () => {
      isGone = true;
      window.removeEventListener('online', onOnline);
    },
  };
}

/** The attachment's chip: an icon, its name and size; a click opens it. */
function fileLinkView(node: PmNode, files: DocFileSource | null): { dom: HTMLElement } {
  const attrs = readFileLinkAttrs(node.attrs);
  const chip = document.createElement('button');
  chip.type = 'button';
  chip.className = 'file-chip';
  chip.contentEditable = 'false';
  const icon = document.createElement('span');
  icon.className = 'file-chip__icon';
  icon.setAttribute('aria-hidden', 'true');
  const name = document.createElement('span');
  name.className = 'file-chip__name';
  const size = document.createElement('span');
  size.className = 'file-chip__size';
  chip.append(icon, name, size);
  if (attrs !== null) {
    chip.dataset.sha256 = attrs.sha256;
    chip.dataset.kind = kindOf(attrs.mediaType);
    icon.textContent = kindOf(attrs.mediaType).toUpperCase();
    name.textContent = attrs.name;
    size.textContent = files === null ? '' : files.formatSize(attrs.size);
    if (files !== null) {
      chip.title = files.text.open(attrs.name);
      chip.addEventListener('click', (event) => {
        event.preventDefault();
        files.open(attrs);
      });
    }
  }
  return { dom: chip };
}

/** A short name of a file's type for its icon. */
export function kindOf(mediaType: string): 'pdf' | 'docx' | 'xlsx' | 'img' {
  if (mediaType === 'application/pdf') {
    return 'pdf';
  }
  if (mediaType.endsWith('wordprocessingml.document')) {
    return 'docx';
  }
  return mediaType.endsWith('spreadsheetml.sheet') ? 'xlsx' : 'img';
}

/** A photo (block atom): shown from the bytes on the device, named by their SHA-256 (RULES.md D8). */
export const Photo = Node.create<FileNodeOptions>({
  name: FileNodeName.photo,
  group: 'block',
  atom: true,
  draggable: true,
  selectable: true,
  addOptions() {
    return { files: null };
  },
  addAttributes() {
    return {
      sha256: { default: null, parseHTML: (element) => element.getAttribute('data-sha256') },
      mediaType: { default: null, parseHTML: (element) => element.getAttribute('data-media-type') },
      width: { default: null, parseHTML: (element) => intAttr(element, 'data-width') },
      height: { default: null, parseHTML: (element) => intAttr(element, 'data-height') },
      alt: { default: '', parseHTML: (element) => element.getAttribute('data-alt') ?? '' },
    };
  },
  parseHTML() {
    return [{ tag: 'figure[data-photo]' }];
  },
  renderHTML({ node }) {
    const attrs = node.attrs as Partial<PhotoAttrs>;
    return [
      'figure',
      {
        'data-photo': '',
        'data-sha256': attrs.sha256 ?? '',
        'data-media-type': attrs.mediaType ?? '',
        'data-width': String(attrs.width ?? ''),
        'data-height': String(attrs.height ?? ''),
        'data-alt': attrs.alt ?? '',
      },
    ];
  },
  addNodeView() {
    return (props) => photoView(props, this.options.files);
  },
});

/** An attachment (inline atom): a chip that opens the file, named by its SHA-256 (RULES.md D8). */
export const FileLink = Node.create<FileNodeOptions>({
  name: FileNodeName.fileLink,
  group: 'inline',
  inline: true,
  atom: true,
  selectable: true,
  addOptions() {
    return { files: null };
  },
  addAttributes() {
    return {
      sha256: { default: null, parseHTML: (element) => element.getAttribute('data-sha256') },
      name: { default: null, parseHTML: (element) => element.getAttribute('data-name') },
      mediaType: { default: null, parseHTML: (element) => element.getAttribute('data-media-type') },
      size: { default: null, parseHTML: (element) => intAttr(element, 'data-size') },
    };
  },
  parseHTML() {
    return [{ tag: 'span[data-file-link]' }];
  },
  renderHTML({ node }) {
    const attrs = node.attrs as Partial<FileLinkAttrs>;
    return [
      'span',
      {
        'data-file-link': '',
        'data-sha256': attrs.sha256 ?? '',
        'data-name': attrs.name ?? '',
        'data-media-type': attrs.mediaType ?? '',
        'data-size': String(attrs.size ?? ''),
      },
      attrs.name ?? '',
    ];
  },
  renderText({ node }) {
    return String(node.attrs.name ?? '');
  },
  addNodeView() {
    return ({ node }) => fileLinkView(node, this.options.files);
  },
});

/**
 * Puts a photo (as a block after the selection) or an attachment (at the caret) into the body.
 * A document whose format predates these nodes is raised to this app's schema version first, so
 * that an older app opens it read-only rather than dropping what it does not know (C6).
 */
export function insertFileNode(
  editor: Editor,
  doc: Y.Doc,
  node:
    | { readonly type: 'photo'; readonly attrs: PhotoAttrs }
    | { readonly type: 'fileLink'; readonly attrs: FileLinkAttrs },
): boolean {
  raiseSchemaVersion(doc);
  return editor
    .chain()
    .focus()
    .insertContent({ type: node.type, attrs: { ...node.attrs } })
    .run();
}
