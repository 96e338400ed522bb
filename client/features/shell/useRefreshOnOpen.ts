import { useEffect } from 'react';
import { useAccount } from '../../ui/services/useServices';

/**
 * Asks the server for the workspace again when a list page opens, so that documents and members
 * added on other devices appear without waiting for the periodic refresh. Offline, or when the
 * request fails, the page shows the device's copy as it is.
 */
export function useRefreshOnOpen(key: string): void {
  const { workspace } = useAccount();
  useEffect(() => {
    void key;
    if (navigator.onLine) {
      workspace.refreshInBackground('workspace.refreshOnOpen');
    }
  }, [key, workspace]);
}
