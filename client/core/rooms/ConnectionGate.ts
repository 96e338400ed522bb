import type { DocId } from '../../../shared';

/** How the relay closed a connection. */
export interface CloseInfo {
  readonly code: number;
  readonly reason: string;
}

/**
 * Decides whether a document may connect to the relay now (signed in, registered, readable) and
 * hears the relay's refusals. The workspace implements it; the sync layer only asks and reports.
 */
export interface ConnectionGate {
  /** Whether `docId` may connect now. */
  isOpen(docId: DocId): boolean;
  /** Calls `onChange` whenever the answer of `isOpen` may have changed, for any document. */
  subscribe(onChange: () => void): () => void;
  /** The relay refused the document's connection for good (a close code 4400-4499). */
  onRefused(docId: DocId, close: CloseInfo): void;
}

/** Every document may connect (tools and tests without accounts). */
export const OPEN_GATE: ConnectionGate = {
  isOpen: () => true,
  subscribe: () => () => undefined,
  onRefused: () => undefined,
};
