import { describe, expect, it } from 'vitest';
import type { UserId } from '../../shared/index';
import { decodeRoomMessage, encodeRoomMessage, type RoomMessage } from './roomMessages';

const USER = '0b6d9f3e-1c2a-4e5b-8f7a-2d3c4b5a6978' as UserId;

describe('room messages between processes', () => {
  it.each<RoomMessage>([
    { kind: 'stored', firstSeq: 41, updates: [new Uint8Array([1, 2]), new Uint8Array([3])], owners: [[7, USER]] },
    { kind: 'awareness', userId: USER, update: new Uint8Array([0]) },
    { kind: 'queryAwareness' },
  ])('decode what they encode (%o)', (message) => {
    expect(decodeRoomMessage(encodeRoomMessage(message))).toEqual(message);
  });

  it('refuse, saying why, what is not a message', () => {
    const stored = encodeRoomMessage({ kind: 'stored', firstSeq: 1, updates: [new Uint8Array([5])], owners: [] });
    expect(() => decodeRoomMessage(new Uint8Array([9]))).toThrow(/unknown room message kind 9/);
    expect(() => decodeRoomMessage(stored.slice(0, stored.length - 1))).toThrow();
    expect(() => decodeRoomMessage(new Uint8Array([...stored, 0]))).toThrow(/trailing bytes/);
    expect(() =>
      decodeRoomMessage(encodeRoomMessage({ kind: 'stored', firstSeq: 3, updates: [], owners: [] })),
    ).toThrow(/without updates/);
    const badUser = encodeRoomMessage({ kind: 'awareness', userId: 'nobody' as UserId, update: new Uint8Array() });
    expect(() => decodeRoomMessage(badUser)).toThrow(/not a user id/);
  });
});
