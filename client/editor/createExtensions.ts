import type { Extensions } from '@tiptap/core';
import { Collaboration } from '@tiptap/extension-collaboration';
import { CollaborationCaret } from '@tiptap/extension-collaboration-caret';
import { Table, TableCell, TableHeader, TableRow } from '@tiptap/extension-table';
import { StarterKit } from '@tiptap/starter-kit';
import type { Awareness } from 'y-protocols/awareness';
import type * as Y from 'yjs';
import { ContentField } from '../../shared';
import type { Identity } from '../user/identity';
import { SectionHints } from './SectionHints';

export interface EditorBinding {
  readonly doc: Y.Doc;
  readonly awareness: Awareness;
  readonly identity: Identity;
}

export interface ExtensionOptions extends EditorBinding {
  /** The hint shown in an empty paragraph right under a section heading, for example 请填写案由. */
  readonly sectionHint: (heading: string) => string;
}

/** Heading levels the toolbar offers; the templates use level 2 for their sections. */
export const HEADING_LEVELS = [1, 2, 3] as const;
export type HeadingLevel = (typeof HEADING_LEVELS)[number];

/**
 * The editor's schema and behaviour, bound to the doc's `body` fragment. Changing the set of
 * nodes or marks changes the document schema: bump CONTENT_SCHEMA_VERSION in shared/ with it.
 */
export function createExtensions({ doc, awareness, identity, sectionHint }: ExtensionOptions): Extensions {
  return [
    // Collaboration brings its own undo history (Yjs UndoManager); the local one must be off.
    StarterKit.configure({ undoRedo: false, heading: { levels: [...HEADING_LEVELS] }, link: { openOnClick: false } }),
    Table.configure({ resizable: false }),
    TableRow,
    TableHeader,
    TableCell,
    SectionHints.configure({ hint: sectionHint }),
    Collaboration.configure({ document: doc, field: ContentField.body }),
    // The caret extension only needs `provider.awareness`; the editor does not know the network.
    CollaborationCaret.configure({ provider: { awareness }, user: { name: identity.name, color: identity.color } }),
  ];
}
