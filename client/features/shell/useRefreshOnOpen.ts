import { useEffect } from 'react';
import { workspace } from '../../core/workspace';

/**
 * Asks the server for the workspace again when a list page opens, so that documents and members
 * added on other devices appear without waiting for the periodic refresh. Offline, or when the
 * request fails, the page shows the device's copy as it is.
 */
export function useRefreshOnOpen(key: string): void {
  useEffect(() => {
    void key;
    if (navigator.onLine) {
      workspace.refresh().catch(() => undefined);
    }
  }, [key]);
}
