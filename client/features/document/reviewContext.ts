import type { Editor } from '@tiptap/core';
import type { DocId } from '../../../shared';
import type { DocRecord, Me, Workspace } from '../../../shared/api/schemas';
import type { Store } from '../../core/lib';
import type { ContentSession } from '../../core/rooms';

/**
 * What the main area of the document page shows: the live editor, one version read-only, two
 * versions compared, or the live document with the changes since a version (a reviewer's last
 * review) marked by author.
 */
export type DocView =
  | { readonly kind: 'live' }
  | { readonly kind: 'version'; readonly versionId: string }
  | { readonly kind: 'compare'; readonly fromVersionId: string; readonly toVersionId: string }
  | { readonly kind: 'changes'; readonly since: ChangesBase };

/**
 * What "changes since" counts from: a saved version (a reviewer's last review), the version a
 * co-signer signed (their signature's snapshot), or nothing, on a reviewer's first review: then
 * the live text is shown unmarked, said to be new to them as a whole, since marking all of it as
 * inserted would tell them nothing.
 */
export type ChangesBase =
  | { readonly kind: 'version'; readonly versionId: string }
  | { readonly kind: 'signature'; readonly userId: string; readonly snapshot: string }
  | { readonly kind: 'firstReview' };

export const LIVE_VIEW: DocView = { kind: 'live' };

/** Everything the review parts of the document page (comments, versions, workflow) share. */
export interface DocReviewContext {
  readonly docId: DocId;
  /** The content document (gc off), its awareness and its connection. */
  readonly session: ContentSession;
  /** The server's record as cached on the device; undefined before the first workspace fetch. */
  readonly record: DocRecord | undefined;
  /** The signed-in user; null while signed out. */
  readonly me: Me | null;
  readonly workspace: Workspace | null;
  /** The live editor once it is mounted; null before (and while a version is shown instead). */
  readonly editor: Editor | null;
  /** Whether this user may change the content now. */
  readonly isEditable: boolean;
  /** What the main area shows; the panels switch it. */
  readonly view: Store<DocView>;
}
