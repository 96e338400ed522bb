/** Polling period of `waitFor`: short against the latencies measured, long against its own cost. */
const POLL_INTERVAL_MS = 5;

/** Resolves after `ms`. */
export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Resolves when `condition()` holds; rejects with `label` after `timeoutMs`. */
export async function waitFor(condition: () => boolean, timeoutMs: number, label: string): Promise<void> {
  const deadline = performance.now() + timeoutMs;
  while (!condition()) {
    if (performance.now() > deadline) {
      throw new Error(`Timed out after ${timeoutMs} ms waiting for ${label}`);
    }
    await sleep(POLL_INTERVAL_MS);
  }
}

/** Like `waitFor`, but returns false on timeout instead of throwing. */
export async function waitUntil(condition: () => boolean, timeoutMs: number): Promise<boolean> {
  try {
    await waitFor(condition, timeoutMs, 'condition');
    return true;
  } catch {
    return false;
  }
}

/** Races a promise against a timer; the error names what did not finish. */
export async function withTimeout<T>(promise: Promise<T>, timeoutMs: number, label: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => reject(new Error(`Timed out after ${timeoutMs} ms waiting for ${label}`)), timeoutMs);
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Runs `task(i)` for i in [0, count) with at most `concurrency` in flight; resolves with the
 * results in index order, or rejects with the first failure after the running tasks settle.
 */
export async function mapWithConcurrency<T>(
  count: number,
  concurrency: number,
  task: (index: number) => Promise<T>,
): Promise<T[]> {
  const results = new Array<T>(count);
  let next = 0;
  let failure: unknown = null;
  async function worker(): Promise<void> {
    while (next < count && failure === null) {
      const index = next;
      next += 1;
      try {
        results[index] = await task(index);
      } catch (err) {
        failure ??= err;
      }
    }
  }
  await Promise.all(Array.from({ length: Math.min(concurrency, count) }, () => worker()));
  if (failure !== null) {
    throw failure;
  }
  return results;
}
