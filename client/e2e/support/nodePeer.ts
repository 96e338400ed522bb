import { WebSocket } from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { PROTOCOL_VERSION, SocketParam } from '../../../shared';

/** A Node y-websocket client on a document: another app version, written by hand in a test. */
export interface NodePeer {
  readonly doc: Y.Doc;
  close(): void;
}

/**
 * Connects a Node client that claims `schemaVersion`, authenticated with a session or API token
 * (`?token=`), and resolves once it has synced.
 */
export async function connectNodePeer(
  baseUrl: string,
  docId: string,
  schemaVersion: number,
  token: string,
): Promise<NodePeer> {
  const doc = new Y.Doc({ gc: false });
  const provider = new WebsocketProvider(`${baseUrl.replace(/^http/, 'ws')}/sync`, docId, doc, {
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
    params: {
      [SocketParam.protocolVersion]: String(PROTOCOL_VERSION),
      [SocketParam.schemaVersion]: String(schemaVersion),
      token,
    },
    disableBc: true,
  });
  await new Promise<void>((resolve) => {
    const onSync = (isSynced: boolean): void => {
      if (isSynced) {
        provider.off('sync', onSync);
        resolve();
      }
    };
    provider.on('sync', onSync);
  });
  return {
    doc,
    close() {
      provider.destroy();
      doc.destroy();
    },
  };
}
