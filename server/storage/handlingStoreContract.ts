import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CaseOutcome, type HandlingCase, newCase } from '../../shared/domain/handling';
import { handOver, respond } from '../../shared/domain/handlingSteps';
import type { DocId, SessionId, UnitId, UserId } from '../../shared/domain/ids';
import type { DocStatus } from '../../shared/index';
import type { HandlingStore } from './HandlingStore';
import type { ReviewStore } from './ReviewStore';
import { WorkspaceConflictError } from './WorkspaceConflictError';

/** A handling store, and the review store on the same database that opens cases. */
export interface HandlingStoreHarness {
  readonly handling: HandlingStore;
  readonly reviews: ReviewStore;
  /** Registers a proposal with this id in `approved`. */
  registerApproved(id: DocId): Promise<void>;
  dispose(): Promise<void>;
}

export type OpenHandlingStore = () => Promise<HandlingStoreHarness>;

const OFFICE = randomUUID() as UserId;
const newDocId = () => randomUUID() as DocId;
const newUnitId = () => randomUUID() as UnitId;

/** The office's decision on an approved proposal, as the transition use case sends it. */
async function decide(
  reviews: ReviewStore,
  opened: HandlingCase,
  to: DocStatus,
): Promise<Awaited<ReturnType<ReviewStore['applyTransition']>>> {
  return reviews.applyTransition({
    requestId: randomUUID(),
    event: {
      id: randomUUID(),
      docId: opened.docId,
      type: to === 'filed' ? 'filed' : to === 'merged' ? 'merged' : 'not_filed',
      actorId: OFFICE,
      at: opened.decidedAt,
      reason: opened.reason,
      versionId: null,
      subjectId: null,
      fromStatus: 'approved',
      toStatus: to,
    },
    version: null,
    reviewedVersionId: null,
    notifications: [],
    filing: opened,
  });
}

function opening(docId: DocId, sessionId: SessionId, extra: Partial<Parameters<typeof newCase>[0]> = {}) {
  return newCase({
    docId,
    sessionId,
    outcome: CaseOutcome.filed,
    number: null,
    isKey: false,
    decidedBy: OFFICE,
    decidedAt: 100,
    reason: null,
    conversion: null,
    mergedInto: null,
    ...extra,
  });
}

/** The behaviour every HandlingStore adapter must show; each adapter's test runs it. */
export function describeHandlingStoreContract(name: string, open: OpenHandlingStore): void {
  describe(`${name} (HandlingStore contract)`, () => {
    let harness: HandlingStoreHarness;
    let store: HandlingStore;
    let sessionId: SessionId;

    beforeEach(async () => {
      harness = await open();
      store = harness.handling;
      sessionId = randomUUID() as SessionId;
      await store.createSession({
        id: sessionId,
        name: '十五届四次会议',
        callDeadline: null,
        isCurrent: true,
        createdAt: 1,
      });
    });
    afterEach(() => harness.dispose());

    it('creates, renames, deactivates and lists units, refusing a name taken', async () => {
      const water = await store.createUnit({ id: newUnitId(), name: '市水务局', isActive: true, createdAt: 1 });
      const roads = await store.createUnit({ id: newUnitId(), name: '市交通运输局', isActive: true, createdAt: 2 });
      await expect(
        store.createUnit({ id: newUnitId(), name: '市水务局', isActive: true, createdAt: 3 }),
      ).rejects.toThrow(WorkspaceConflictError);
      await expect(store.updateUnit(roads.id, { name: '市水务局' })).rejects.toThrow(WorkspaceConflictError);
      expect(await store.updateUnit(water.id, { isActive: false })).toMatchObject({
        name: '市水务局',
        isActive: false,
      });
      expect(await store.updateUnit(newUnitId(), { isActive: false })).toBeNull();
      expect((await store.listUnits()).map((unit) => [unit.name, unit.isActive])).toEqual([
        ['市水务局', false],
        ['市交通运输局', true],
      ]);
    });

    it('records each reminder once, for the first caller', async () => {
      const claims = await Promise.all([1, 2, 3].map((at) => store.claimReminder('call:s1:3', at)));
      expect(claims.filter((claimed) => claimed)).toHaveLength(1);
      expect(await store.claimReminder('call:s1:1', 4)).toBe(true);
    });

    it('keeps one current session', async () => {
      const next = randomUUID() as SessionId;
      await store.createSession({ id: next, name: '十五届五次会议', callDeadline: 500, isCurrent: true, createdAt: 2 });
      expect((await store.currentSession())?.id).toBe(next);
      await store.updateSession(sessionId, { isCurrent: true, callDeadline: 900 });
      expect(await store.currentSession()).toMatchObject({ id: sessionId, callDeadline: 900 });
      expect((await store.listSessions()).filter((session) => session.isCurrent)).toHaveLength(1);
      await expect(
        store.createSession({
          id: randomUUID() as SessionId,
          name: '十五届五次会议',
          callDeadline: null,
          isCurrent: false,
          createdAt: 3,
        }),
      ).rejects.toThrow(WorkspaceConflictError);
    });

    it('numbers filed proposals within a session without a gap, and opens cases not filed or merged', async () => {
      const [a, b, c, d] = [newDocId(), newDocId(), newDocId(), newDocId()];
      for (const id of [a, b, c, d]) {
        await harness.registerApproved(id);
      }
      expect((await decide(harness.reviews, opening(a, sessionId), 'filed')).kind).toBe('applied');
      await decide(
        harness.reviews,
        opening(b, sessionId, { outcome: CaseOutcome.notFiled, reason: '不属于政协职能', conversion: 'letter' }),
        'not_filed',
      );
      await decide(harness.reviews, opening(c, sessionId), 'filed');
      await decide(harness.reviews, opening(d, sessionId, { outcome: CaseOutcome.merged, mergedInto: a }), 'merged');

      expect((await store.getCase(a))?.number).toBe(1);
      expect(await store.getCase(b)).toMatchObject({ outcome: 'not_filed', number: null, conversion: 'letter' });
      expect((await store.getCase(c))?.number).toBe(2);
      expect(await store.getCase(d)).toMatchObject({ outcome: 'merged', number: 1, mergedInto: a });
      expect(await store.getCase(a)).toMatchObject({ mergedDocIds: [d], version: 2 });
      expect((await store.listCases()).map((stored) => stored.docId)).toEqual([a, d, c, b]);
    });

    it('numbers two decisions made at once without a repeat', async () => {
      const ids = [newDocId(), newDocId(), newDocId(), newDocId()];
      for (const id of ids) {
        await harness.registerApproved(id);
      }
      await Promise.all(ids.map((id) => decide(harness.reviews, opening(id, sessionId), 'filed')));
      const numbers = await Promise.all(ids.map(async (id) => (await store.getCase(id))?.number));
      expect([...numbers].sort()).toEqual([1, 2, 3, 4]);
    });

    it('saves a change made on the stored version only, and keeps who handles it for access', async () => {
      const docId = newDocId();
      await harness.registerApproved(docId);
      await decide(harness.reviews, opening(docId, sessionId), 'filed');
      const stored = await store.getCase(docId);
      if (stored === null) {
        throw new Error('no case');
      }
      const [lead, co] = [newUnitId(), newUnitId()];
      const handed = handOver(
        stored,
        { mode: 'lead', unitIds: [lead, co], deadline: 9_000, ids: ['a1', 'a2'] },
        OFFICE,
        200,
      );
      if (!handed.ok) {
        throw new Error(handed.refusal);
      }
      expect(await store.saveCase(handed.next)).toBe('saved');
      expect(await store.saveCase(handed.next)).toBe('conflict');
      expect(await store.saveCase({ ...handed.next, docId: newDocId() })).toBe('missing');
      expect((await store.casesOfUnit(co)).map((stored) => stored.docId)).toEqual([docId]);

      const declined = respond(handed.next, co, { accept: false, reason: '不属本单位职责' }, OFFICE, 300);
      if (!declined.ok) {
        throw new Error(declined.refusal);
      }
      expect(await store.saveCase(declined.next)).toBe('saved');
      expect(await store.casesOfUnit(co)).toEqual([]);
      expect(await store.getCase(docId)).toEqual(declined.next);
    });
  });
}
