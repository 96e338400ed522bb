import { type ReactElement, useEffect } from 'react';
import { hasUnsavedWrites } from '../core/storage';
import { useStore } from '../ui/hooks/useStore';
import type { AppServices } from '../ui/services/services';

/**
 * Warns before the tab closes while a change is not yet on the device (a write in flight or
 * waiting for a retry) or not yet acknowledged by the server (C1, C4).
 */
export function LeaveGuard({ app }: { readonly app: Pick<AppServices, 'account' | 'health'> }): ReactElement | null {
  const { account, health } = app;
  const store = useStore(account)?.store ?? null;
  useEffect(() => {
    let unsent = 0;
    const stopCount = store?.updates.watchUnsent(null, (count) => {
      unsent = count;
    });
    const onBeforeUnload = (event: BeforeUnloadEvent): void => {
      if (unsent > 0 || hasUnsavedWrites(health.getSnapshot())) {
        event.preventDefault();
        // Older browsers show the prompt only when returnValue is set.
        event.returnValue = '';
      }
    };
    window.addEventListener('beforeunload', onBeforeUnload);
    return () => {
      window.removeEventListener('beforeunload', onBeforeUnload);
      stopCount?.();
    };
  }, [store, health]);
  return null;
}
