import { randomUUID } from 'node:crypto';
import type { ClusterBus } from './ClusterBus';

/** The bus of a deployment of one process: there is nobody to tell. */
export class LocalBus implements ClusterBus {
  readonly processId = randomUUID();
  readonly hasPeers = false;

  joinRoom(): Promise<void> {
    return Promise.resolve();
  }

  leaveRoom(): void {}

  publishRoom(): void {}

  onEvent(): () => void {
    return () => {};
  }

  publishEvent(): void {}

  onResync(): () => void {
    return () => {};
  }

  countProcesses(): Promise<number> {
    return Promise.resolve(1);
  }

  close(): Promise<void> {
    return Promise.resolve();
  }
}
