import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { CloseCode, newDocId, RoomKind, roomNameOf, type UserId } from '../../../shared/index';
import type { LogFields, Logger } from '../../logger';
import { MemoryDocStore } from '../../storage/memory/MemoryDocStore';
import { openThread, reply, threadsJson } from '../../test/support/commentsWriter';
import { Relay } from '../Relay';
import { MemoryPeer } from '../test/MemoryPeer';
import { ScriptedGate } from '../test/testGates';
import { judgeCommentsUpdate } from './commentsRules';

const ZHANG = '00000000-0000-4000-8000-000000000001' as UserId;
const LI = '00000000-0000-4000-8000-000000000002' as UserId;

const turn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/** A logger that keeps its warnings. */
function capturingLogger(): Logger & { warnings: { message: string; fields?: LogFields }[] } {
  const warnings: { message: string; fields?: LogFields }[] = [];
  const ignore = (): void => {};
  return {
    warnings,
    error: ignore,
    info: ignore,
    debug: ignore,
    warn: (message, fields) => warnings.push({ message, fields }),
  };
}

/** An update of `doc` made by `change`. */
function updateOf(doc: Y.Doc, change: (doc: Y.Doc) => void): Uint8Array {
  const before = Y.encodeStateVector(doc);
  change(doc);
  return Y.encodeStateAsUpdate(doc, before);
}

describe('judging comments updates on a scratch copy (CM1-CM10)', () => {
  it('CM1, CM5: refuses without touching the room, and judges the next update against the room again', () => {
    const room = new Y.Doc({ gc: false });
    const writer = new Y.Doc({ gc: false });
    const context = { userId: ZHANG, now: Date.now() };
    let threadId = '';
    const opened = updateOf(writer, (doc) => {
      threadId = openThread(doc, ZHANG, '意见').threadId;
    });
    expect(judgeCommentsUpdate(room, opened, context)).toEqual({ ok: true });
    Y.applyUpdate(room, opened);

    const forger = new Y.Doc({ gc: false });
    Y.applyUpdate(forger, Y.encodeStateAsUpdate(room));
    const forged = updateOf(forger, (doc) => reply(doc, threadId, LI, '冒名'));
    expect(judgeCommentsUpdate(room, forged, context)).toMatchObject({ ok: false, rule: 'CM5' });
    const stranger = new Y.Doc({ gc: false });
    Y.applyUpdate(stranger, Y.encodeStateAsUpdate(room));
    const otherRoot = updateOf(stranger, (doc) => doc.getText('notes').insert(0, 'x'));
    expect(judgeCommentsUpdate(room, otherRoot, context)).toMatchObject({ ok: false, rule: 'CM1' });
    expect(threadsJson(room)).toEqual(threadsJson(writer));

    const honest = updateOf(writer, (doc) => reply(doc, threadId, ZHANG, '补充'));
    expect(judgeCommentsUpdate(room, honest, context)).toEqual({ ok: true });
    Y.applyUpdate(room, honest);
    expect(threadsJson(room)).toEqual(threadsJson(writer));
  });
});

describe('the relay refusing a comments update', () => {
  let relay: Relay | null = null;

  afterEach(async () => {
    await relay?.shutdown();
    relay = null;
  });

  it('logs the user and the rule, closes with 4423, stores nothing of it, and keeps the honest writer', async () => {
    const store = new MemoryDocStore();
    const gate = new ScriptedGate();
    gate.set('zhang', { kind: 'write', userId: ZHANG });
    gate.set('li', { kind: 'write', userId: LI });
    const logger = capturingLogger();
    relay = new Relay({ store, gate, logger, maxHeldBytes: 1 << 20, maxEarlyBytes: 1 << 20 });
    const room = roomNameOf(newDocId(), RoomKind.comments);
    const zhang = new MemoryPeer();
    const li = new MemoryPeer();
    const drain = async (): Promise<void> => {
      for (let quiet = 0; quiet < 2; ) {
        let moved = false;
        for (const peer of [zhang, li]) {
          while (peer.deliverToServer() || peer.deliverToPeer()) {
            moved = true;
          }
        }
        await turn();
        quiet = moved ? 0 : quiet + 1;
      }
    };
    zhang.connect(relay, room, 'zhang');
    li.connect(relay, room, 'li');
    const { threadId } = openThread(zhang.doc, ZHANG, '请补充数据来源');
    await drain();
    const stored = async () => {
      const doc = new Y.Doc({ gc: false });
      for (const { update } of await store.load(room)) {
        Y.applyUpdate(doc, update);
      }
      return threadsJson(doc);
    };
    const before = await stored();

    reply(li.doc, threadId, ZHANG, '冒名的回复');
    await drain();
    expect(li.closeCodes).toEqual([CloseCode.refusedUpdate]);
    expect(logger.warnings).toEqual([
      expect.objectContaining({ fields: expect.objectContaining({ userId: LI, rule: 'CM5', room }) }),
    ]);
    expect(await stored()).toEqual(before);

    reply(zhang.doc, threadId, ZHANG, '真的回复');
    await drain();
    expect(zhang.closeCodes).toEqual([]);
    expect(await stored()).toEqual(threadsJson(zhang.doc));
  });
});
