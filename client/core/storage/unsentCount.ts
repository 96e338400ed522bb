import type { JianyanDb } from './JianyanDb';
import type { LogKey } from './updateLog';

/** How long after a change its log's unsent records are counted again (changes meanwhile join it). */
const RECOUNT_DELAY_MS = 150;

/** Other tabs of this origin hear about unsent changes on this channel. */
const CHANNEL_NAME = 'jianyan-unsent';

type Listener = (key: LogKey) => void;

const listeners = new Set<Listener>();
let channel: BroadcastChannel | null = null;

function ensureChannel(): BroadcastChannel | null {
  if (channel === null && typeof BroadcastChannel === 'function') {
    channel = new BroadcastChannel(CHANNEL_NAME);
    channel.onmessage = (event: MessageEvent<unknown>) => {
      if (typeof event.data === 'string') {
        notify(event.data as LogKey);
      }
    };
    // In Node (unit tests) an open channel would keep the process alive.
    (channel as BroadcastChannel & { unref?: () => void }).unref?.();
  }
  return channel;
}

function notify(key: LogKey): void {
  for (const listener of [...listeners]) {
    listener(key);
  }
}

/**
 * Announces that a log's unsent records changed, in this tab and in the others. Needed
 * because appends bypass Dexie (see appendUpdate), so Dexie's live queries miss them.
 */
export function announceUnsentChange(key: LogKey): void {
  notify(key);
  ensureChannel()?.postMessage(key);
}

/**
 * Calls `onCount` with the number of unsent records of the log `docId` (or of all logs, content
 * and comments, when null) now and after every change. Counts are coalesced: at most one query
 * runs at a time.
 */
export function watchUnsentCount(db: JianyanDb, docId: LogKey | null, onCount: (count: number) => void): () => void {
  let isActive = true;
  let isRunning = false;
  let isStale = false;
  const recount = (): void => {
    if (isRunning) {
      isStale = true;
      return;
    }
    isRunning = true;
    const query = docId === null ? db.unsent.count() : db.unsent.where('docId').equals(docId).count();
    query
      .then(
        (count) => {
          if (isActive) {
            onCount(count);
          }
        },
        // A failed count leaves the last one shown; the next change counts again.
        () => undefined,
      )
      .finally(() => {
        isRunning = false;
        if (isStale && isActive) {
          isStale = false;
          recount();
        }
      });
  };
  // A burst of keystrokes is counted once after it: each count is a read transaction on the
  // table the next keystroke's append must then wait behind.
  let timer: ReturnType<typeof setTimeout> | null = null;
  const listener: Listener = (changed) => {
    if ((docId === null || changed === docId) && timer === null) {
      timer = setTimeout(() => {
        timer = null;
        recount();
      }, RECOUNT_DELAY_MS);
    }
  };
  listeners.add(listener);
  ensureChannel();
  recount();
  return () => {
    isActive = false;
    listeners.delete(listener);
    if (timer !== null) {
      clearTimeout(timer);
    }
  };
}
