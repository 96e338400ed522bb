import { describe, expect, it } from 'vitest';
import { parseRoomName } from '../../shared/index';
import { Connection, SendKind } from './Connection';
import { HeldBudget } from './HeldBudget';
import type { RelaySocket } from './RelaySocket';

/** A socket whose backlog grows with every frame sent and shrinks only when the test drains it. */
class BackloggedSocket implements RelaySocket {
  bufferedAmount = 0;
  isOpen = true;
  isTerminated = false;
  readonly sent: Uint8Array[] = [];

  send(data: Uint8Array): void {
    this.sent.push(data);
    this.bufferedAmount += data.byteLength;
  }

  close(): void {
    this.isOpen = false;
  }

  terminate(): void {
    this.isTerminated = true;
    this.isOpen = false;
  }

  cork(): void {}
  uncork(): void {}
  ping(): void {}

  /** The reader took `bytes` off the front of the backlog. */
  drain(bytes: number): void {
    this.bufferedAmount = Math.max(0, this.bufferedAmount - bytes);
  }
}

const ROOM = parseRoomName('2f1c7a52-8d1e-4c43-9a4b-2a6a4b9c1d10');

function connectionOn(socket: RelaySocket, budget = new HeldBudget(1000)): Connection {
  if (ROOM === null) {
    throw new Error('bad test room');
  }
  return new Connection({
    socket,
    target: ROOM,
    schemaVersion: null,
    credential: null,
    heldBudget: budget,
    maxBacklogBytes: 100,
  });
}

describe('Connection.send and the send backlog limit', () => {
  it('drops a reader whose live backlog passes the limit', () => {
    const socket = new BackloggedSocket();
    const connection = connectionOn(socket);
    connection.send(new Uint8Array(80));
    connection.send(new Uint8Array(80));
    expect(socket.isTerminated).toBe(false);
    connection.send(new Uint8Array(1));
    expect(socket.isTerminated).toBe(true);
  });

  it('sends a sync answer larger than the limit whole, and live frames up to the limit on top of it', () => {
    const socket = new BackloggedSocket();
    const connection = connectionOn(socket);
    connection.send(new Uint8Array(1000), SendKind.syncAnswer);
    connection.send(new Uint8Array(60));
    connection.send(new Uint8Array(30));
    expect(socket.isTerminated).toBe(false);
    // The answer is half written: what is left of it still does not count.
    socket.drain(500);
    connection.send(new Uint8Array(5));
    expect(socket.isTerminated).toBe(false);
    // 95 live bytes wait behind the rest of the answer: one more frame fits, then no more.
    connection.send(new Uint8Array(20));
    expect(socket.isTerminated).toBe(false);
    connection.send(new Uint8Array(1));
    expect(socket.isTerminated).toBe(true);
    expect(socket.sent).toHaveLength(5);
  });

  it('exempts one sync answer at a time: a second before the first is written counts as live', () => {
    const socket = new BackloggedSocket();
    const connection = connectionOn(socket);
    connection.send(new Uint8Array(1000), SendKind.syncAnswer);
    connection.send(new Uint8Array(1000), SendKind.syncAnswer);
    expect(socket.isTerminated).toBe(false);
    connection.send(new Uint8Array(1), SendKind.syncAnswer);
    expect(socket.isTerminated).toBe(true);
  });

  it('exempts the next sync answer once the previous one has been written', () => {
    const socket = new BackloggedSocket();
    const connection = connectionOn(socket);
    connection.send(new Uint8Array(1000), SendKind.syncAnswer);
    socket.drain(1000);
    connection.send(new Uint8Array(1000), SendKind.syncAnswer);
    connection.send(new Uint8Array(50));
    expect(socket.isTerminated).toBe(false);
  });
});

describe('held-back updates and the shared budget', () => {
  it('counts what each connection holds in the budget, and gives it back when replaced or dropped', () => {
    const budget = new HeldBudget(100);
    const a = connectionOn(new BackloggedSocket(), budget);
    const b = connectionOn(new BackloggedSocket(), budget);
    a.hold(new Uint8Array(40));
    b.hold(new Uint8Array(50));
    expect(budget.totalBytes).toBe(90);
    expect(budget.hasRoomFor(10)).toBe(true);
    expect(budget.hasRoomFor(11)).toBe(false);
    a.setHeld([new Uint8Array(5)]);
    expect([a.heldBytes, budget.totalBytes]).toEqual([5, 55]);
    b.setHeld();
    a.setHeld();
    expect(budget.totalBytes).toBe(0);
  });
});
