/**
 * The reference relay for benchmarks: stock `@y/websocket-server` 0.1.1, in memory, no persistence.
 * It serves the same URL shape as our relay (`/sync/<room>`) so the load generator needs no branches.
 * Prints `Reference relay listening on http://127.0.0.1:<port>` when ready.
 */
import { createServer } from 'node:http';
import { setupWSConnection } from '@y/websocket-server/utils';
import { WebSocketServer } from 'ws';

const HOST = '127.0.0.1';

function docNameOf(url: string | undefined): string {
  const path = (url ?? '/').split('?')[0] ?? '/';
  return decodeURIComponent(path.slice(path.lastIndexOf('/') + 1));
}

const httpServer = createServer((_req, res) => {
  res.writeHead(200, { 'content-type': 'text/plain' });
  res.end('reference relay\n');
});
const wss = new WebSocketServer({ noServer: true });

httpServer.on('upgrade', (req, socket, head) => {
  wss.handleUpgrade(req, socket, head, (ws) => {
    // gc off, as our content rooms are; it changes nothing for insert-only loads.
    setupWSConnection(ws, req, { docName: docNameOf(req.url), gc: false });
  });
});

httpServer.listen(0, HOST, () => {
  const address = httpServer.address();
  const port = typeof address === 'object' && address !== null ? address.port : 0;
  console.log(`Reference relay listening on http://${HOST}:${port}`);
});

function shutdown(): void {
  for (const client of wss.clients) {
    client.terminate();
  }
  httpServer.close(() => process.exit(0));
  setTimeout(() => process.exit(0), 1_000).unref();
}

process.on('SIGTERM', shutdown);
process.on('SIGINT', shutdown);
