import { useEffect, useState } from 'react';
import type { ActivitiesSnapshot } from '../../core/activities';
import { useStore } from '../../ui/hooks/useStore';
import { useAccount } from '../../ui/services/useServices';

/**
 * The account's activities as the device keeps them, fetched again when a page opens and when the
 * network comes back. `refreshError` is why the last fetch failed (offline: the device's copy shows).
 */
export function useActivities(): ActivitiesSnapshot & { readonly refreshError: unknown } {
  const { activities } = useAccount();
  const snapshot = useStore(activities.state);
  const [refreshError, setRefreshError] = useState<unknown>(null);
  useEffect(() => {
    let isCurrent = true;
    const refresh = () => {
      activities.refresh().then(
        () => {
          if (isCurrent) {
            setRefreshError(null);
          }
        },
        (err: unknown) => {
          if (isCurrent) {
            setRefreshError(err);
          }
        },
      );
    };
    refresh();
    window.addEventListener('online', refresh);
    return () => {
      isCurrent = false;
      window.removeEventListener('online', refresh);
    };
  }, [activities]);
  return { ...snapshot, refreshError };
}
