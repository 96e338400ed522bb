import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import WebSocket from 'ws';
import * as syncProtocol from 'y-protocols/sync';
import * as Y from 'yjs';
import { MessageType, SyncMessageType } from '../../shared/index';
import { withTimeout } from './waitFor';

/** Transaction origin of updates that came from the relay, so they are not sent back. */
export const REMOTE_ORIGIN = Symbol('remote');

const DEFAULT_CONNECT_TIMEOUT_MS = 10_000;
const DEFAULT_CLOSE_TIMEOUT_MS = 2_000;

/** Options of `BenchClient.open`. */
export interface BenchClientOptions {
  readonly url: string;
  /** The replica; a fresh `Y.Doc({ gc: false })` when omitted. */
  readonly doc?: Y.Doc;
  /** Send each local update of the doc as it happens, as a provider does. Default false. */
  readonly shouldSendLocalUpdates?: boolean;
  /** Called after a step 2 or update from the relay was applied to the replica. */
  readonly onRemoteApplied?: (client: BenchClient) => void;
  readonly connectTimeoutMs?: number;
}

/**
 * A raw y-websocket protocol client over one `ws` socket, with a Y.Doc replica. It answers the
 * relay's step 1 with a step 2, applies step 2 and updates, and counts frames and bytes.
 */
export class BenchClient {
  readonly doc: Y.Doc;
  bytesSent = 0;
  bytesReceived = 0;
  framesSent = 0;
  framesReceived = 0;
  updatesReceived = 0;
  step1Received = 0;
  step2Received = 0;
  awarenessReceived = 0;
  otherReceived = 0;
  closeCode: number | null = null;
  closeReason = '';
  lastError: Error | null = null;
  private readonly socket: WebSocket;
  private readonly options: BenchClientOptions;
  private readonly step2Waiters = new Set<{ target: number; resolve: () => void; reject: (e: Error) => void }>();

  private constructor(socket: WebSocket, doc: Y.Doc, options: BenchClientOptions) {
    this.socket = socket;
    this.doc = doc;
    this.options = options;
    socket.binaryType = 'nodebuffer';
    socket.on('message', (data) => this.onFrame(data));
    socket.on('close', (code, reason) => this.onClose(code, reason.toString('utf8')));
    socket.on('error', (err) => {
      this.lastError = err;
    });
    if (options.shouldSendLocalUpdates === true) {
      doc.on('update', (update: Uint8Array, origin: unknown) => {
        if (origin !== REMOTE_ORIGIN && this.isOpen) {
          this.sendUpdate(update);
        }
      });
    }
  }

  /** Opens the socket; resolves once it is open (the handshake is not started). */
  static async open(options: BenchClientOptions): Promise<BenchClient> {
    const socket = new WebSocket(options.url, { perMessageDeflate: false });
    const client = new BenchClient(socket, options.doc ?? new Y.Doc({ gc: false }), options);
    const opened = new Promise<void>((resolve, reject) => {
      socket.once('open', () => resolve());
      socket.once('unexpected-response', (_req, res) => {
        reject(new Error(`Relay refused the upgrade of ${options.url}: HTTP ${res.statusCode}`));
      });
      socket.once('error', (err) => reject(err));
      socket.once('close', (code, reason) => reject(new Error(`Socket closed before open: ${code} ${reason}`)));
    });
    try {
      await withTimeout(opened, options.connectTimeoutMs ?? DEFAULT_CONNECT_TIMEOUT_MS, `open ${options.url}`);
    } catch (err) {
      socket.terminate();
      throw err;
    }
    return client;
  }

  get isOpen(): boolean {
    return this.socket.readyState === WebSocket.OPEN;
  }

  /** Bytes queued in the socket but not yet handed to the kernel. */
  get bufferedAmount(): number {
    return this.socket.bufferedAmount;
  }

  /** Sends step 1 with the replica's state vector. */
  sendSyncStep1(): void {
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, MessageType.sync);
    syncProtocol.writeSyncStep1(encoder, this.doc);
    this.send(encoding.toUint8Array(encoder));
  }

  /** Sends step 1 and resolves once the relay's answering step 2 has been applied. */
  sync(timeoutMs: number): Promise<void> {
    const waited = this.nextStep2();
    this.sendSyncStep1();
    return withTimeout(waited, timeoutMs, `step 2 from ${this.options.url}`);
  }

  /** Resolves when the next step 2 (counting from now) has been applied. */
  nextStep2(): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      const waiter = { target: this.step2Received + 1, resolve, reject };
      this.step2Waiters.add(waiter);
    });
  }

  /** Sends one sync update message. */
  sendUpdate(update: Uint8Array): void {
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, MessageType.sync);
    syncProtocol.writeUpdate(encoder, update);
    this.send(encoding.toUint8Array(encoder));
  }

  /** Sends one awareness message carrying an encoded awareness update. */
  sendAwareness(update: Uint8Array): void {
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, MessageType.awareness);
    encoding.writeVarUint8Array(encoder, update);
    this.send(encoding.toUint8Array(encoder));
  }

  /** Closes the socket and waits for the close (terminates it after a timeout). */
  async close(timeoutMs = DEFAULT_CLOSE_TIMEOUT_MS): Promise<void> {
    if (this.socket.readyState === WebSocket.CLOSED) {
      return;
    }
    const closed = new Promise<void>((resolve) => this.socket.once('close', () => resolve()));
    this.socket.close(1000);
    try {
      await withTimeout(closed, timeoutMs, 'close');
    } catch {
      this.socket.terminate();
    }
  }

  private send(frame: Uint8Array): void {
    this.bytesSent += frame.byteLength;
    this.framesSent += 1;
    this.socket.send(frame);
  }

  private onFrame(data: WebSocket.RawData): void {
    const bytes = Array.isArray(data) ? Buffer.concat(data) : data instanceof ArrayBuffer ? new Uint8Array(data) : data;
    this.bytesReceived += bytes.byteLength;
    this.framesReceived += 1;
    try {
      const decoder = decoding.createDecoder(bytes);
      const type = decoding.readVarUint(decoder);
      if (type === MessageType.sync) {
        this.onSync(decoder);
      } else if (type === MessageType.awareness) {
        this.awarenessReceived += 1;
      } else {
        this.otherReceived += 1;
      }
    } catch (err) {
      this.lastError = err instanceof Error ? err : new Error(String(err));
    }
  }

  private onSync(decoder: decoding.Decoder): void {
    const subType = decoding.readVarUint(decoder);
    switch (subType) {
      case SyncMessageType.step1: {
        this.step1Received += 1;
        const encoder = encoding.createEncoder();
        encoding.writeVarUint(encoder, MessageType.sync);
        syncProtocol.writeSyncStep2(encoder, this.doc, decoding.readVarUint8Array(decoder));
        this.send(encoding.toUint8Array(encoder));
        return;
      }
      case SyncMessageType.step2:
        Y.applyUpdate(this.doc, decoding.readVarUint8Array(decoder), REMOTE_ORIGIN);
        this.step2Received += 1;
        this.settleStep2Waiters();
        this.options.onRemoteApplied?.(this);
        return;
      case SyncMessageType.update:
        Y.applyUpdate(this.doc, decoding.readVarUint8Array(decoder), REMOTE_ORIGIN);
        this.updatesReceived += 1;
        this.options.onRemoteApplied?.(this);
        return;
      default:
        this.otherReceived += 1;
    }
  }

  private settleStep2Waiters(): void {
    for (const waiter of this.step2Waiters) {
      if (this.step2Received >= waiter.target) {
        this.step2Waiters.delete(waiter);
        waiter.resolve();
      }
    }
  }

  private onClose(code: number, reason: string): void {
    this.closeCode = code;
    this.closeReason = reason;
    for (const waiter of this.step2Waiters) {
      waiter.reject(new Error(`Socket closed (${code} ${reason}) before step 2 arrived`));
    }
    this.step2Waiters.clear();
  }
}
