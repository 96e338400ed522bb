import { describe, expect, it } from 'vitest';
import { newDocId, parseDocId, parseRoomName, RoomKind, roomNameOf } from './ids';

describe('document ids and room names', () => {
  it('accepts lowercase UUIDs only', () => {
    const id = newDocId();
    expect(parseDocId(id)).toBe(id);
    expect(parseDocId(id.toUpperCase())).toBeNull();
    expect(parseDocId('../etc/passwd')).toBeNull();
    expect(parseDocId('')).toBeNull();
  });

  it('round-trips content and comments rooms', () => {
    const id = newDocId();
    expect(parseRoomName(roomNameOf(id))).toEqual({ name: id, docId: id, kind: RoomKind.content });
    expect(parseRoomName(roomNameOf(id, RoomKind.comments))).toEqual({
      name: `${id}.comments`,
      docId: id,
      kind: RoomKind.comments,
    });
    expect(parseRoomName(`${id}.other`)).toBeNull();
  });
});
