import { useEffect, useState } from 'react';

/** The countdown is redrawn this often: often enough that it never skips a second. */
const TICK_MS = 250;

/**
 * Seconds left until a rate-limited action may be tried again, counting down; 0 when it may.
 * `start(seconds)` begins a new wait.
 */
export function useRetryCountdown(): { readonly seconds: number; start(seconds: number): void } {
  const [until, setUntil] = useState(0);
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (until <= Date.now()) {
      return undefined;
    }
    const timer = setInterval(() => {
      const at = Date.now();
      setNow(at);
      if (at >= until) {
        clearInterval(timer);
      }
    }, TICK_MS);
    return () => clearInterval(timer);
  }, [until]);
  return {
    seconds: Math.max(0, Math.ceil((until - now) / 1_000)),
    start(seconds) {
      const at = Date.now();
      setNow(at);
      setUntil(at + seconds * 1_000);
    },
  };
}
