/** Retries `check` until it passes or `timeoutMs` have passed, then throws its last failure. */
export async function eventually(check: () => Promise<void>, timeoutMs = 5_000): Promise<void> {
  const started = Date.now();
  for (;;) {
    try {
      await check();
      return;
    } catch (thrown) {
      if (Date.now() - started > timeoutMs) {
        throw thrown;
      }
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }
}
