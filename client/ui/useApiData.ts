import { useCallback, useEffect, useState } from 'react';

export type ApiData<T> =
  | { readonly status: 'loading' }
  | { readonly status: 'ready'; readonly value: T }
  | { readonly status: 'failed'; readonly error: unknown };

/**
 * Loads something from the server for a page (people, invitations, tokens) and loads it again on
 * `reload()` or when the browser comes back online. An answer for an older request is dropped.
 */
export function useApiData<T>(load: () => Promise<T>): ApiData<T> & { reload(): void } {
  const [state, setState] = useState<ApiData<T>>({ status: 'loading' });
  const [round, setRound] = useState(0);
  const reload = useCallback(() => setRound((n) => n + 1), []);
  useEffect(() => {
    window.addEventListener('online', reload);
    return () => window.removeEventListener('online', reload);
  }, [reload]);
  useEffect(() => {
    let isCurrent = true;
    // `round` is read so that reload() runs this effect again.
    void round;
    load().then(
      (value) => {
        if (isCurrent) {
          setState({ status: 'ready', value });
        }
      },
      (error: unknown) => {
        if (isCurrent) {
          setState({ status: 'failed', error });
        }
      },
    );
    return () => {
      isCurrent = false;
    };
  }, [load, round]);
  return { ...state, reload };
}
