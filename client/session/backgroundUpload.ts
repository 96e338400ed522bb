import type { AppServices } from '../app/services';

/**
 * Sends changes of documents that are not open. The workspace's background sync does this now
 * (and also brings documents down); it starts with the services. This only asks it to run once
 * more, for callers that still start the old upload loop.
 */
export function startBackgroundUpload(services: AppServices): () => void {
  if (services.workspace.auth.getSnapshot().status === 'signed_in') {
    void services.workspace.backgroundSync.run();
  }
  return () => undefined;
}
