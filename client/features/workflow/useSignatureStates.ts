import { useEffect, useState } from 'react';
import type * as Y from 'yjs';
import type { UserId } from '../../../shared';
import { type SignatureState, signatureStateOf } from '../../core/review';

/**
 * Rebuilding a signed version costs about as much as reading the document: while someone types,
 * compare at most this often.
 */
const SIGNATURE_CHECK_DELAY_MS = 1_500;

const NONE: ReadonlyMap<UserId, SignatureState> = new Map();

function statesOf(doc: Y.Doc, snapshots: ReadonlyMap<UserId, string>): ReadonlyMap<UserId, SignatureState> {
  const states = new Map<UserId, SignatureState>();
  for (const [userId, snapshot] of snapshots) {
    states.set(userId, signatureStateOf(doc, snapshot, userId));
  }
  return states;
}

/**
 * Whether someone other than each signed co-signer changed the content since they signed
 * (RULES.md S1): compared when the signatures change and, throttled, when the document does.
 * `snapshots` are the signed snapshots by user (`useSignedSnapshots`: the server sends them only
 * with the activity); a signed co-signer
 * without one, or whose snapshot this device cannot rebuild yet, is absent or `unknown`.
 */
export function useSignatureStates(
  doc: Y.Doc,
  snapshots: ReadonlyMap<UserId, string>,
): ReadonlyMap<UserId, SignatureState> {
  const [states, setStates] = useState(NONE);
  // Recompute only when a signature changes, not when the map object is replaced.
  const key = [...snapshots].map(([userId, snapshot]) => `${userId}:${snapshot}`).join('|');
  // biome-ignore lint/correctness/useExhaustiveDependencies: `key` stands for the snapshots.
  useEffect(() => {
    setStates(statesOf(doc, snapshots));
    let timer: ReturnType<typeof setTimeout> | null = null;
    const onUpdate = (): void => {
      timer ??= setTimeout(() => {
        timer = null;
        setStates(statesOf(doc, snapshots));
      }, SIGNATURE_CHECK_DELAY_MS);
    };
    doc.on('update', onUpdate);
    return () => {
      doc.off('update', onUpdate);
      if (timer !== null) {
        clearTimeout(timer);
      }
    };
  }, [doc, key]);
  return states;
}
