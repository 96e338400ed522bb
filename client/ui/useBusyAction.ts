import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorText } from './errorText';

export interface BusyAction {
  readonly isBusy: boolean;
  /** Why the last run failed, in words; null before, during and after a success. */
  readonly error: string | null;
  /** Starts `action` unless one is running; `onDone` gets its answer, a failure lands in `error`. */
  run<T>(action: () => Promise<T>, onDone: (value: T) => void): void;
  /** Stable across renders, so effects may depend on it. */
  clearError(): void;
}

/**
 * The state of a button that talks to the server or the device: busy while it runs, then done
 * or the reason it failed (`toText` words a failure the caller knows better than `errorText`).
 */
export function useBusyAction(toText?: (err: unknown) => string): BusyAction {
  const { t } = useTranslation();
  const [isBusy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const run = <T>(action: () => Promise<T>, onDone: (value: T) => void): void => {
    if (isBusy) {
      return;
    }
    setBusy(true);
    setError(null);
    action().then(
      (value) => {
        setBusy(false);
        onDone(value);
      },
      (err: unknown) => {
        setBusy(false);
        setError(toText === undefined ? errorText(err, t) : toText(err));
      },
    );
  };
  const clearError = useCallback(() => setError(null), []);
  return { isBusy, error, run, clearError };
}
