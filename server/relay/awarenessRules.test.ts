import { describe, expect, it } from 'vitest';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as Y from 'yjs';
import { Role, type UserId } from '../../shared/index';
import {
  type AwarenessEntry,
  type AwarenessJudgeInput,
  type AwarenessOwnerKind,
  decodeAwarenessEntries,
  encodeAwarenessEntries,
  judgeAwareness,
} from './awarenessRules';

const ZHANG = 'zhang-id' as UserId;

function input(
  owners: Record<number, AwarenessOwnerKind> = {},
  clocks: Record<number, number> = {},
): AwarenessJudgeInput {
  return {
    identity: { userId: ZHANG, name: '张伟', role: Role.member },
    ownerOf: (clientId) => owners[clientId] ?? 'none',
    clockOf: (clientId) => clocks[clientId] ?? -1,
    ownedCount: Object.values(owners).filter((owner) => owner === 'self').length,
  };
}

function entry(clientId: number, state: unknown, clock = 1): AwarenessEntry {
  return { clientId, clock, json: JSON.stringify(state) };
}

describe('judgeAwareness (RULES.md A1-A4)', () => {
  it('reads and writes the y-protocols layout unchanged', () => {
    const awareness = new awarenessProtocol.Awareness(new Y.Doc());
    awareness.setLocalState({ user: { name: '张伟' }, cursor: null });
    const update = awarenessProtocol.encodeAwarenessUpdate(awareness, [awareness.clientID]);
    expect(encodeAwarenessEntries(decodeAwarenessEntries(update))).toEqual(update);
    awareness.destroy();
  });

  it('A4 sets the user’s id, name and role and keeps the rest; an honest state is left as sent', () => {
    const forged = judgeAwareness(input(), [
      entry(7, { user: { name: '林国栋', role: 'chair', color: '#0a7' }, cursor: 3 }),
    ]);
    expect(forged).toMatchObject({ kind: 'accept', isRewritten: true });
    if (forged.kind === 'accept') {
      expect(JSON.parse(forged.entries[0]?.json ?? 'null')).toEqual({
        user: { name: '张伟', role: 'member', color: '#0a7', userId: ZHANG },
        cursor: 3,
      });
    }
    const honest = entry(7, { user: { name: '张伟', color: '#0a7', userId: ZHANG, role: 'member', isTyping: false } });
    expect(judgeAwareness(input(), [honest])).toEqual({ kind: 'accept', entries: [honest], isRewritten: false });
  });

  it('A1 refuses a newer state for another user’s client id and leaves out echoes', () => {
    expect(judgeAwareness(input({ 9: 'other_user' }, { 9: 4 }), [entry(9, null, 5)])).toMatchObject({
      kind: 'refuse',
      rule: 'A1',
    });
    expect(judgeAwareness(input({ 9: 'other_user' }, { 9: 4 }), [entry(9, null, 4)])).toEqual({
      kind: 'accept',
      entries: [],
      isRewritten: true,
    });
  });

  it('A2 refuses a fifth client id on one connection, and A3 a state over 4 KiB', () => {
    const four = [1, 2, 3, 4].map((clientId) => entry(clientId, { cursor: clientId }));
    expect(judgeAwareness(input(), four)).toMatchObject({ kind: 'accept' });
    expect(judgeAwareness(input(), [...four, entry(5, { cursor: 5 })])).toMatchObject({ kind: 'refuse', rule: 'A2' });
    expect(judgeAwareness(input(), [entry(1, { note: 'x'.repeat(5_000) })])).toMatchObject({
      kind: 'refuse',
      rule: 'A3',
    });
  });

  it('A4 sees a user key spelled with escapes', () => {
    const json = '{"\\u0075ser":{"name":"林国栋"}}';
    const verdict = judgeAwareness(input(), [{ clientId: 3, clock: 1, json }]);
    expect(verdict).toMatchObject({ kind: 'accept', isRewritten: true });
    if (verdict.kind === 'accept') {
      expect(JSON.parse(verdict.entries[0]?.json ?? 'null')).toMatchObject({ user: { name: '张伟' } });
    }
  });
});
