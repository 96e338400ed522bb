import type { DocId } from '../../../shared';
import type { AppServices } from '../../app/services';
import { type Claim, type ClaimOptions, ClaimRegistry } from './claimRegistry';
import { DocSession } from './DocSession';

export type { ClaimOptions as AcquireOptions } from './claimRegistry';

/** A claim on an open document; call `release` exactly once when done. */
export type SessionHandle = Claim<DocSession>;

const registry = new ClaimRegistry<DocSession>();

/** Opens a document (or reuses the open one) and claims it. One session per document per tab. */
export function acquireSession(services: AppServices, docId: DocId, options: ClaimOptions = {}): SessionHandle {
  const open = (): DocSession => {
    const { db, health, identity, gate } = services;
    const session = new DocSession({ db, health, docId, identity, gate });
    void session.open();
    return session;
  };
  return registry.claim(docId, open, options);
}

/** The open session of a document in this tab, if any (for the test hook and diagnostics). */
export function findOpenSession(docId: DocId): DocSession | null {
  return registry.find(docId);
}
