import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import { WebSocket } from 'ws';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as syncProtocol from 'y-protocols/sync';
import * as Y from 'yjs';
import { MessageType, SyncMessageType } from '../../../shared/index';

export interface CloseInfo {
  readonly code: number;
  readonly reason: string;
}

/** How a test client connects: its token (sent as `?token=`) and other query parameters. */
export interface SyncClientOptions {
  /** The session or API token; omitted: none, so the relay refuses the connection. */
  readonly token?: string;
  /** More query parameters, for example `{ v: '1', schema: '0' }`. */
  readonly query?: Readonly<Record<string, string>>;
  /** Headers of the upgrade request, for example a session cookie. */
  readonly headers?: Readonly<Record<string, string>>;
}

/** The websocket URL of a room with the client's query. */
export function syncUrl(wsUrl: string, room: string, options: SyncClientOptions = {}): string {
  const params = new URLSearchParams(options.query);
  if (options.token !== undefined) {
    params.set('token', options.token);
  }
  const query = params.toString();
  return `${wsUrl}/sync/${room}${query === '' ? '' : `?${query}`}`;
}

/** Resolves when `predicate` holds, checking after every event of `client`; rejects after `timeoutMs`. */
export function waitUntil(predicate: () => boolean, what: string, timeoutMs = 5_000): Promise<void> {
  return new Promise((resolve, reject) => {
    const started = Date.now();
    const check = (): void => {
      if (predicate()) {
        resolve();
      } else if (Date.now() - started > timeoutMs) {
        reject(new Error(`timed out waiting for ${what}`));
      } else {
        setTimeout(check, 5);
      }
    };
    check();
  });
}

/**
 * A protocol-level client for tests: a real websocket, a Y.Doc (gc off) kept in sync with the
 * relay, an awareness, and a log of what the server sent.
 */
export class SyncClient {
  readonly doc = new Y.Doc({ gc: false });
  readonly awareness = new awarenessProtocol.Awareness(this.doc);
  readonly ws: WebSocket;
  readonly received: Uint8Array[] = [];
  /** The server's state vector from its last sync step 1; null before one arrived. */
  serverStateVector: Map<number, number> | null = null;
  step1Count = 0;
  step2Count = 0;
  permissionDenied: string[] = [];
  closed: CloseInfo | null = null;
  readonly opened: Promise<void>;

  constructor(wsUrl: string, room: string, options: SyncClientOptions = {}) {
    this.awareness.setLocalState(null);
    this.ws = new WebSocket(syncUrl(wsUrl, room, options), { headers: { ...options.headers } });
    this.ws.binaryType = 'nodebuffer';
    this.opened = new Promise((resolve, reject) => {
      this.ws.once('open', () => resolve());
      this.ws.once('error', reject);
    });
    this.ws.on('error', () => {});
    this.ws.on('message', (data: Buffer) => this.#receive(new Uint8Array(data)));
    this.ws.on('close', (code, reason) => {
      this.closed = { code, reason: reason.toString() };
    });
    this.doc.on('update', (update: Uint8Array, origin: unknown) => {
      if (origin !== this && this.ws.readyState === WebSocket.OPEN) {
        this.sendUpdate(update);
      }
    });
  }

  /** Opens a client and completes the handshake: its step 1 answered by the server's step 2. */
  static async connect(wsUrl: string, room: string, options: SyncClientOptions = {}): Promise<SyncClient> {
    const client = new SyncClient(wsUrl, room, options);
    await client.opened;
    await client.sync();
    return client;
  }

  /** Sends a step 1 and waits for the step 2 (and the server's step 1) that answer it. */
  async sync(): Promise<void> {
    const step1Before = this.step1Count;
    const step2Before = this.step2Count;
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, MessageType.sync);
    syncProtocol.writeSyncStep1(encoder, this.doc);
    this.sendRaw(encoding.toUint8Array(encoder));
    await waitUntil(() => this.step2Count > step2Before && this.step1Count > step1Before, 'the answer to sync step 1');
  }

  sendUpdate(update: Uint8Array): void {
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, MessageType.sync);
    syncProtocol.writeUpdate(encoder, update);
    this.sendRaw(encoding.toUint8Array(encoder));
  }

  /** Sets this client's presence and sends it. */
  setPresence(state: Record<string, unknown> | null): void {
    this.awareness.setLocalState(state);
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, MessageType.awareness);
    encoding.writeVarUint8Array(encoder, awarenessProtocol.encodeAwarenessUpdate(this.awareness, [this.doc.clientID]));
    this.sendRaw(encoding.toUint8Array(encoder));
  }

  sendRaw(data: Uint8Array | string): void {
    this.ws.send(data);
  }

  /** Text of the Y.Text `name`. */
  text(name = 'title'): string {
    return this.doc.getText(name).toString();
  }

  /** Waits for the server to close this connection. */
  async waitClosed(timeoutMs = 5_000): Promise<CloseInfo> {
    await waitUntil(() => this.closed !== null, 'the connection to close', timeoutMs);
    return this.closed as CloseInfo;
  }

  close(): Promise<void> {
    this.awareness.destroy();
    if (this.ws.readyState === WebSocket.CLOSED) {
      return Promise.resolve();
    }
    return new Promise((resolve) => {
      this.ws.once('close', () => resolve());
      this.ws.close();
    });
  }

  #receive(data: Uint8Array): void {
    this.received.push(data);
    const decoder = decoding.createDecoder(data);
    const type = decoding.readVarUint(decoder);
    if (type === MessageType.sync) {
      this.#receiveSync(decoder);
    } else if (type === MessageType.awareness) {
      awarenessProtocol.applyAwarenessUpdate(this.awareness, decoding.readVarUint8Array(decoder), this);
    } else if (type === MessageType.auth) {
      decoding.readVarUint(decoder);
      this.permissionDenied.push(decoding.readVarString(decoder));
    }
  }

  #receiveSync(decoder: decoding.Decoder): void {
    const syncType = decoding.readVarUint(decoder);
    const payload = decoding.readVarUint8Array(decoder);
    if (syncType === SyncMessageType.step1) {
      this.serverStateVector = Y.decodeStateVector(payload);
      this.step1Count += 1;
      const encoder = encoding.createEncoder();
      encoding.writeVarUint(encoder, MessageType.sync);
      syncProtocol.writeSyncStep2(encoder, this.doc, payload);
      this.sendRaw(encoding.toUint8Array(encoder));
      return;
    }
    Y.applyUpdate(this.doc, payload, this);
    if (syncType === SyncMessageType.step2) {
      this.step2Count += 1;
    }
  }
}
