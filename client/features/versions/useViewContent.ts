import { useEffect, useMemo, useState } from 'react';
import type * as Y from 'yjs';
import type { DocActivity } from '../../../shared/api/review';
import type { DocView } from '../document/reviewContext';
import { readView, resolveView, type ViewContent } from './resolveView';

/**
 * How often a view that follows the document is computed again while people type: often enough
 * to look live, rarely enough that a long document's comparison does not slow the typing.
 */
const RECOMPUTE_INTERVAL_MS = 300;

/**
 * Calls `onTick` at most once per interval while `doc` changes: at once for the first change,
 * then once more at the end of the interval if more came meanwhile.
 */
function followChanges(doc: Y.Doc, onTick: () => void): () => void {
  let timer: ReturnType<typeof setTimeout> | null = null;
  let isPending = false;
  const settle = (): void => {
    if (isPending) {
      isPending = false;
      onTick();
      timer = setTimeout(settle, RECOMPUTE_INTERVAL_MS);
    } else {
      timer = null;
    }
  };
  const onUpdate = (): void => {
    if (timer !== null) {
      isPending = true;
      return;
    }
    onTick();
    timer = setTimeout(settle, RECOMPUTE_INTERVAL_MS);
  };
  doc.on('update', onUpdate);
  return () => {
    doc.off('update', onUpdate);
    if (timer !== null) {
      clearTimeout(timer);
    }
  };
}

/**
 * What a non-live view shows, computed from the document. A view of the live document
 * ("changes since") is computed again as the document changes; a saved version only while it
 * waits for edits that have not reached the device.
 */
export function useViewContent(
  doc: Y.Doc,
  view: Exclude<DocView, { kind: 'live' }>,
  activity: DocActivity | null,
): ViewContent {
  const [revision, setRevision] = useState(0);
  const resolved = useMemo(() => resolveView(view, activity), [view, activity]);
  // biome-ignore lint/correctness/useExhaustiveDependencies: revision is the signal that the document changed.
  const content = useMemo(() => readView(doc, resolved), [doc, resolved, revision]);
  const shouldFollow = (resolved.status === 'ok' && resolved.isLive) || content.status === 'waiting';
  useEffect(() => {
    if (!shouldFollow) {
      return undefined;
    }
    return followChanges(doc, () => setRevision((value) => value + 1));
  }, [doc, shouldFollow]);
  return content;
}
