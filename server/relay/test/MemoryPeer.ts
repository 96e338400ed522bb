import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import * as syncProtocol from 'y-protocols/sync';
import * as Y from 'yjs';
import { MessageType, SyncMessageType } from '../../../shared/index';
import type { ConnectionEvents, Relay } from '../Relay';
import type { RelaySocket } from '../RelaySocket';

/**
 * A client of the relay over an in-memory socket whose frames the test delivers by hand, one at
 * a time, in both directions: the relay's behaviour then depends only on the order chosen.
 */
export class MemoryPeer {
  readonly doc = new Y.Doc({ gc: false });
  /** Frames from the peer, waiting to be delivered to the relay. */
  toServer: Uint8Array[] = [];
  /** Frames from the relay, waiting to be delivered to the peer. */
  toPeer: Uint8Array[] = [];
  closeCodes: number[] = [];
  closeReasons: string[] = [];
  /** Every frame the relay sent this peer, delivered or not, across connections. */
  framesReceived = 0;
  /** Reasons of the permission-denied frames delivered to this peer. */
  permissionDenied: string[] = [];
  #events: ConnectionEvents | null = null;
  #isOpen = false;

  constructor() {
    this.doc.on('update', (update: Uint8Array, origin: unknown) => {
      if (origin !== this && this.#isOpen) {
        this.toServer.push(frame(SyncMessageType.update, update));
      }
    });
  }

  get isConnected(): boolean {
    return this.#isOpen;
  }

  /** Connects with a credential (the default one `writeAllGate` ignores) and queues step 1. */
  connect(relay: Relay, room: string, credential: string | null = 'test-token'): void {
    this.toServer = [];
    this.toPeer = [];
    const socket: RelaySocket = {
      send: (data) => {
        if (this.#isOpen) {
          this.framesReceived += 1;
          this.toPeer.push(data.slice());
        }
      },
      close: (code, reason) => {
        this.closeCodes.push(code);
        this.closeReasons.push(reason);
        this.disconnect();
      },
      terminate: () => this.disconnect(),
      ping: () => {},
      cork: () => {},
      uncork: () => {},
      bufferedAmount: 0,
      get isOpen() {
        return true;
      },
    };
    this.#isOpen = true;
    this.#events = relay.connect(socket, room, new URLSearchParams(), credential);
    this.toServer.push(frame(SyncMessageType.step1, Y.encodeStateVector(this.doc)));
  }

  disconnect(): void {
    if (!this.#isOpen) {
      return;
    }
    this.#isOpen = false;
    this.toServer = [];
    this.toPeer = [];
    this.#events?.onClose();
    this.#events = null;
  }

  /** Delivers the oldest frame this peer sent; false when there was none. */
  deliverToServer(): boolean {
    const data = this.toServer.shift();
    if (data === undefined || this.#events === null) {
      return false;
    }
    this.#events.onMessage(data);
    return true;
  }

  /** Delivers the oldest frame the relay sent to this peer; false when there was none. */
  deliverToPeer(): boolean {
    const data = this.toPeer.shift();
    if (data === undefined) {
      return false;
    }
    const decoder = decoding.createDecoder(data);
    const type = decoding.readVarUint(decoder);
    if (type === MessageType.auth) {
      decoding.readVarUint(decoder);
      this.permissionDenied.push(decoding.readVarString(decoder));
      return true;
    }
    if (type !== MessageType.sync) {
      return true;
    }
    const syncType = decoding.readVarUint(decoder);
    const payload = decoding.readVarUint8Array(decoder);
    if (syncType === SyncMessageType.step1) {
      this.toServer.push(frame(SyncMessageType.step2, Y.encodeStateAsUpdate(this.doc, payload)));
    } else {
      Y.applyUpdate(this.doc, payload, this);
    }
    return true;
  }
}

/** One turn of the event loop: what the relay resolved in this one has run. */
export const turn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/** Delivers `peer`'s frames both ways until nothing moves for two turns. */
export async function drain(peer: MemoryPeer): Promise<void> {
  let quietTurns = 0;
  while (quietTurns < 2) {
    let hasMoved = false;
    while (peer.deliverToServer() || peer.deliverToPeer()) {
      hasMoved = true;
    }
    await turn();
    quietTurns = hasMoved ? 0 : quietTurns + 1;
  }
}

function frame(syncType: number, payload: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MessageType.sync);
  if (syncType === SyncMessageType.step1) {
    encoding.writeVarUint(encoder, SyncMessageType.step1);
    encoding.writeVarUint8Array(encoder, payload);
  } else if (syncType === SyncMessageType.step2) {
    encoding.writeVarUint(encoder, SyncMessageType.step2);
    encoding.writeVarUint8Array(encoder, payload);
  } else {
    syncProtocol.writeUpdate(encoder, payload);
  }
  return encoding.toUint8Array(encoder);
}
