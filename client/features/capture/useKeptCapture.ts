import { useCallback, useEffect, useMemo, useState } from 'react';
import type { DeviceStore } from '../../core/storage';
import {
  CAPTURE_FORM,
  CAPTURE_PHOTOS_FORM,
  type CaptureDraft,
  isBlankCapture,
  isBlankDraft,
  type KeptCapture,
  type KeptPhoto,
  readKeptCapture,
} from './keptCapture';

/** How soon after the last change the input is kept on the device. */
const KEEP_DELAY_MS = 300;

/** Writes one part of the kept input a moment after it last changed, or forgets it when it is empty. */
function useKeptPart(store: DeviceStore, form: string, value: unknown, isEmpty: boolean, isActive: boolean): void {
  useEffect(() => {
    if (!isActive) {
      return;
    }
    const timer = setTimeout(() => {
      const written = isEmpty ? store.forms.clear(form) : store.forms.save(form, value, Date.now());
      // Keeping is a safety net: the form works on if the device cannot write now.
      written.catch(() => undefined);
    }, KEEP_DELAY_MS);
    return () => clearTimeout(timer);
  }, [store, form, value, isEmpty, isActive]);
}

/**
 * Keeps the capture form's input on the device (sealed) as it changes, so that a page the phone's
 * browser dropped while the camera was open comes back as it was. The text and the photos are
 * kept apart, so that typing does not write the photos' bytes again. `onRestore` gets what was
 * kept when the page opens; `forget` is called once the report is saved.
 */
export function useKeptCapture(
  store: DeviceStore,
  current: {
    readonly draft: CaptureDraft;
    readonly groupId: string | null;
    readonly photos: readonly (KeptPhoto & { readonly url: string })[];
  },
  onRestore: (kept: KeptCapture) => void,
  isPaused: boolean,
): { readonly isRestored: boolean; readonly forget: () => Promise<void>; readonly startOver: () => void } {
  const [status, setStatus] = useState<'reading' | 'kept' | 'restored'>('reading');
  // biome-ignore lint/correctness/useExhaustiveDependencies: read once per account's store; onRestore is the page's
  useEffect(() => {
    let isCurrent = true;
    Promise.all([store.forms.read(CAPTURE_FORM), store.forms.read(CAPTURE_PHOTOS_FORM)]).then(
      ([text, photos]) => {
        if (!isCurrent) {
          return;
        }
        const record = typeof text === 'object' && text !== null ? (text as Record<string, unknown>) : {};
        const kept = readKeptCapture({ draft: record.draft ?? {}, groupId: record.groupId, photos });
        if (kept === null || isBlankCapture(kept)) {
          setStatus('kept');
          return;
        }
        onRestore(kept);
        setStatus('restored');
      },
      () => {
        if (isCurrent) {
          setStatus('kept');
        }
      },
    );
    return () => {
      isCurrent = false;
    };
  }, [store]);
  const isActive = status !== 'reading' && !isPaused;
  const { draft, groupId, photos } = current;
  const text = useMemo(() => ({ draft, groupId }), [draft, groupId]);
  // Without the object URLs the page shows them by; the same array as long as the photos stay.
  const keptPhotos = useMemo(() => photos.map(({ url: _url, ...photo }) => photo), [photos]);
  useKeptPart(store, CAPTURE_FORM, text, isBlankDraft(draft), isActive);
  useKeptPart(store, CAPTURE_PHOTOS_FORM, keptPhotos, keptPhotos.length === 0, isActive);
  const forget = useCallback(async () => {
    await Promise.all([store.forms.clear(CAPTURE_FORM), store.forms.clear(CAPTURE_PHOTOS_FORM)]);
  }, [store]);
  return { isRestored: status === 'restored', forget, startOver: () => setStatus('kept') };
}
