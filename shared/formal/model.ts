import type { PhotoAttrs } from '../domain/docFileNodes';
import type { DocKind } from '../domain/documentSchema';

/** A run of text with the marks a formal document keeps; a line break inside a paragraph is `\n`. */
export interface FormalRun {
  readonly text: string;
  readonly bold?: boolean;
  readonly italic?: boolean;
  readonly underline?: boolean;
  readonly strike?: boolean;
}

/** One item of a list: its own paragraphs, and any list nested in it. */
export interface FormalListItem {
  readonly blocks: readonly FormalBlock[];
}

/** A block of a formal document's body, close to the editor's nodes but free of Yjs and Tiptap. */
export type FormalBlock =
  | { readonly type: 'heading'; readonly level: 1 | 2 | 3; readonly runs: readonly FormalRun[] }
  | { readonly type: 'paragraph'; readonly runs: readonly FormalRun[] }
  | { readonly type: 'list'; readonly isOrdered: boolean; readonly items: readonly FormalListItem[] }
  | { readonly type: 'table'; readonly rows: readonly (readonly (readonly FormalRun[])[])[] }
  | ({ readonly type: 'photo' } & PhotoAttrs);

/**
 * The bytes of a document's photos by SHA-256, for the exports that embed them; a photo whose
 * bytes are missing prints as its alternative text in brackets.
 */
export type FormalImages = ReadonlyMap<string, Uint8Array>;

/** One line of a document's form block (案由, 提案人, …); an empty value prints as a blank to fill in. */
export interface FormalField {
  readonly label: string;
  readonly value: string;
}

/** Everything a formal document prints: what kind it is, its title, its form block and its body. */
export interface FormalDocument {
  readonly kind: DocKind;
  readonly title: string;
  readonly form: readonly FormalField[];
  readonly body: readonly FormalBlock[];
}

/** The labels of each kind's form block, in the order the official forms print them. */
export const FORM_LABELS = {
  proposal: ['案由', '提案人', '联名人', '界别', '类别', '建议承办单位'],
  research_report: ['调研主题', '调研时间', '调研地点', '参加人员'],
  social_info: ['反映人', '地区', '类别'],
} as const satisfies Record<DocKind, readonly string[]>;

/** The heading printed above each kind's form block and on its Markdown. */
export const KIND_NAMES: Record<DocKind, string> = {
  proposal: '提案',
  research_report: '调研报告',
  social_info: '社情民意信息',
};

/** The plain text of some runs. */
export function runsText(runs: readonly FormalRun[]): string {
  return runs.map((run) => run.text).join('');
}
