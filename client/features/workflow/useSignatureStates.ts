import { useEffect, useState } from 'react';
import type * as Y from 'yjs';
import type { UserId } from '../../../shared';
import type { Cosigner } from '../../../shared/api/schemas';
import { type SignatureState, signatureStateOf } from '../../review';

/**
 * Rebuilding a signed version costs about as much as reading the document: while someone types,
 * compare at most this often.
 */
const SIGNATURE_CHECK_DELAY_MS = 1_500;

const NONE: ReadonlyMap<UserId, SignatureState> = new Map();

function statesOf(doc: Y.Doc, cosigners: readonly Cosigner[]): ReadonlyMap<UserId, SignatureState> {
  const states = new Map<UserId, SignatureState>();
  for (const cosigner of cosigners) {
    if (cosigner.state === 'signed' && cosigner.snapshot !== null) {
      states.set(cosigner.userId, signatureStateOf(doc, cosigner.snapshot));
    }
  }
  return states;
}

/**
 * Whether each signed co-signer signed the content as it is now: compared when the signatures
 * change and, throttled, when the document does. A signature this device cannot rebuild yet is
 * `unknown`.
 */
export function useSignatureStates(doc: Y.Doc, cosigners: readonly Cosigner[]): ReadonlyMap<UserId, SignatureState> {
  const [states, setStates] = useState(NONE);
  // Recompute only when a signature changes, not when the record object is replaced.
  const key = cosigners.map((each) => `${each.userId}:${each.state}:${each.snapshot ?? ''}`).join('|');
  // biome-ignore lint/correctness/useExhaustiveDependencies: `key` stands for `cosigners`' signatures.
  useEffect(() => {
    setStates(statesOf(doc, cosigners));
    let timer: ReturnType<typeof setTimeout> | null = null;
    const onUpdate = (): void => {
      timer ??= setTimeout(() => {
        timer = null;
        setStates(statesOf(doc, cosigners));
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
