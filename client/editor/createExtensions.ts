import type { Extensions } from '@tiptap/core';
import { Collaboration } from '@tiptap/extension-collaboration';
import { CollaborationCaret } from '@tiptap/extension-collaboration-caret';
import { Table, TableCell, TableHeader, TableRow } from '@tiptap/extension-table';
import { StarterKit } from '@tiptap/starter-kit';
import type { Awareness } from 'y-protocols/awareness';
import type * as Y from 'yjs';
import type { Role } from '../../shared';
import { ContentField } from '../../shared';
import type { Identity } from '../core/presence';
import { caretColorIndex, type KnownPerson, presenceUserOf, readPresenceUser, shownPresence } from '../core/presence';
import { PasteCleaning } from './cleanPastedHtml';
import { CommentHighlights } from './comments/highlightPlugin';
import { type DocFileSource, FileLink, Photo } from './fileNodes';
import { SectionHints } from './SectionHints';

export interface EditorBinding {
  readonly doc: Y.Doc;
  readonly awareness: Awareness;
  readonly identity: Identity;
}

export interface ExtensionOptions extends EditorBinding {
  /** The hint shown in an empty paragraph right under a section heading, for example 请填写案由. */
  readonly sectionHint: (heading: string) => string;
  /** The role's name on a caret label, for example 主席. */
  readonly roleLabel: (role: Role) => string;
  /** The "typing" mark on a caret label. */
  readonly typingLabel: string;
  /** People by user id as the workspace knows them: carets show their names and roles, not what a client claims. */
  readonly knownPeople: () => ReadonlyMap<string, KnownPerson>;
  /** Where photos and attachments come from; null shows them without their bytes. */
  readonly files?: DocFileSource | null;
}

/** Heading levels the toolbar offers; the templates use level 2 for their sections. */
export const HEADING_LEVELS = [1, 2, 3] as const;
export type HeadingLevel = (typeof HEADING_LEVELS)[number];

/** A remote caret: a coloured bar with the person's name, their role unless a member, and whether they type. */
function renderCaret(value: Record<string, unknown>, options: ExtensionOptions): HTMLElement {
  const { roleLabel, typingLabel, knownPeople } = options;
  const declared = readPresenceUser(value);
  const user = declared === null ? null : shownPresence(declared, knownPeople());
  const caret = document.createElement('span');
  caret.classList.add('collaboration-carets__caret');
  const color = user?.color ?? '#86909c';
  caret.style.borderColor = color;
  const label = document.createElement('span');
  label.classList.add('collaboration-carets__label');
  label.style.backgroundColor = color;
  const role =
    user?.role === null || user?.role === undefined || user.role === 'member' ? '' : ` · ${roleLabel(user.role)}`;
  label.textContent = `${user?.name ?? '?'}${role}${user?.isTyping === true ? ` ${typingLabel}` : ''}`;
  if (user?.isTyping === true) {
    label.classList.add('is-typing');
  }
  caret.append(label);
  return caret;
}

/** A remote selection, tinted by a class of the caret's colour (no inline style under the CSP). */
function renderSelection(value: Record<string, unknown>, options: ExtensionOptions): Record<string, string> {
  const declared = readPresenceUser(value);
  const user = declared === null ? null : shownPresence(declared, options.knownPeople());
  const index = user === null ? null : caretColorIndex(user.color);
  return index === null ? {} : { class: `collaboration-carets__selection caret-tint-${index}` };
}

/**
 * The nodes and marks of a document body, without the binding to a Y.Doc: the editor's schema
 * (the importer builds bodies with it), and the cleaning of pasted HTML. `files` is where photos
 * and attachments get their bytes to show; without it they show without.
 */
export function contentExtensions(files: DocFileSource | null = null): Extensions {
  return [
    // Collaboration brings its own undo history (Yjs UndoManager); the local one must be off.
    StarterKit.configure({ undoRedo: false, heading: { levels: [...HEADING_LEVELS] }, link: { openOnClick: false } }),
    Table.configure({ resizable: false }),
    TableRow,
    TableHeader,
    TableCell,
    Photo.configure({ files }),
    FileLink.configure({ files }),
    PasteCleaning,
  ];
}

/**
 * The editor's schema and behaviour, bound to the doc's `body` fragment. Changing the set of
 * nodes or marks changes the document schema: bump CONTENT_SCHEMA_VERSION in shared/ with it.
 */
export function createExtensions(options: ExtensionOptions): Extensions {
  const { doc, awareness, identity, sectionHint } = options;
  return [
    ...contentExtensions(options.files ?? null),
    SectionHints.configure({ hint: sectionHint }),
    Collaboration.configure({ document: doc, field: ContentField.body }),
    // Marks commented passages; reads anchors through the Collaboration extension's binding.
    CommentHighlights,
    // The caret extension only needs `provider.awareness`; the editor does not know the network.
    CollaborationCaret.configure({
      provider: { awareness },
      user: { ...presenceUserOf(identity, false) },
      render: (user) => renderCaret(user, options),
      selectionRender: (user) => renderSelection(user, options),
    }),
  ];
}
