import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { readFigures } from '../../server/figures/readFigures';
import { databasePath } from '../../server/storage/sqlite/databasePath';
import { SqliteCommitteeSettingsStore } from '../../server/storage/sqlite/SqliteCommitteeSettingsStore';
import { SqliteDocRecordStore } from '../../server/storage/sqlite/SqliteDocRecordStore';
import { SqliteGroupStore } from '../../server/storage/sqlite/SqliteGroupStore';
import { SqliteHandlingStore } from '../../server/storage/sqlite/SqliteHandlingStore';
import { SqliteReviewStore } from '../../server/storage/sqlite/SqliteReviewStore';
import { DEFAULT_CATEGORIES } from '../../shared/domain/categories';
import { computeFigures, type Figures, type FiguresInput } from '../../shared/domain/figures';
import { CaseOutcome, type HandlingCase } from '../../shared/domain/handling';
import { type FiguresWorkload, type FiguresWorkloadOptions, figuresWorkload } from '../lib/figuresWorkload';
import { seededRandom } from '../lib/seededRandom';
import type { Summary } from '../lib/stats';
import { timed } from '../lib/timed';

export interface FiguresOptions extends FiguresWorkloadOptions {
  /** Timed runs of each measurement, after one untimed. */
  readonly runs: number;
  readonly seed: number;
}

export interface FiguresResult {
  /** computeFigures alone, of the current session and of all sessions. */
  readonly computeSessionMs: Summary;
  readonly computeAllMs: Summary;
  /** The route's work: every store read from SQLite, then computeFigures (readFigures). */
  readonly readSessionMs: Summary;
  readonly readAllMs: Summary;
  /** Whether the figures read from the stores equal those computed from the workload. */
  readonly isSame: boolean;
  /** The figures of all sessions, as the report would print them. */
  readonly all: Pick<
    Figures,
    | 'received'
    | 'pending'
    | 'filed'
    | 'notFiled'
    | 'merged'
    | 'key'
    | 'handedOver'
    | 'answered'
    | 'answeredOnTime'
    | 'answerRate'
    | 'onTimeRate'
    | 'answerClasses'
    | 'rated'
    | 'satisfactionRate'
    | 'overdue'
  > & { readonly unitsWithOverdue: number };
}

/** The cases as they end: decided, then handled (merges are not folded into their target: no figure reads them). */
function finalCases(workload: FiguresWorkload): HandlingCase[] {
  return workload.proposals.flatMap((proposal) => {
    if (proposal.decided === null) {
      return [];
    }
    return [proposal.handle === null ? proposal.decided : proposal.handle(proposal.decided)];
  });
}

interface SqliteStores {
  readonly records: SqliteDocRecordStore;
  readonly groups: SqliteGroupStore;
  readonly handling: SqliteHandlingStore;
  readonly reviews: SqliteReviewStore;
  readonly settings: SqliteCommitteeSettingsStore;
}

/** Stores the workload through the real SQLite adapters: records, the office's decisions (as transitions), then the handling. */
async function seedSqlite(file: string, workload: FiguresWorkload, stores: SqliteStores): Promise<void> {
  for (const group of workload.groups) {
    await stores.groups.createGroup({ ...group, createdAt: 1 });
  }
  for (const unit of workload.units) {
    await stores.handling.createUnit({ ...unit, isActive: true, createdAt: 1 });
  }
  for (const session of workload.sessions) {
    await stores.handling.createSession({ ...session, callDeadline: null, createdAt: 1 });
  }
  // Records are written raw: the relay and the review flow would take minutes to make 2,000; decided ones start approved.
  const raw = new Database(file);
  const insert = raw.prepare(
    'INSERT INTO documents (id, title, kind, updated_at, status, created_at, group_id, created_by, fields) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
  );
  raw.transaction(() => {
    for (const { record, decided } of workload.proposals) {
      const status = decided === null ? record.status : 'approved';
      const fields = JSON.stringify(record.fields);
      insert.run(
        record.id,
        record.title,
        record.kind,
        record.createdAt,
        status,
        record.createdAt,
        record.groupId,
        record.createdBy,
        fields,
      );
    }
  })();
  raw.close();
  for (const { decided } of workload.proposals) {
    if (decided === null) {
      continue;
    }
    const toStatus = decided.outcome;
    const outcome = await stores.reviews.applyTransition({
      requestId: randomUUID(),
      event: {
        id: randomUUID(),
        docId: decided.docId,
        type: toStatus,
        actorId: decided.decidedBy,
        at: decided.decidedAt,
        reason: decided.reason,
        versionId: null,
        subjectId: null,
        fromStatus: 'approved',
        toStatus,
      },
      version: null,
      reviewedVersionId: null,
      notifications: [],
      filing: { ...decided, number: decided.outcome === CaseOutcome.filed ? null : decided.number },
    });
    if (outcome.kind !== 'applied') {
      throw new Error(`deciding ${decided.docId} was ${outcome.kind}`);
    }
  }
  for (const { decided, handle } of workload.proposals) {
    if (decided === null || handle === null) {
      continue;
    }
    const stored = await stores.handling.getCase(decided.docId);
    if (stored === null) {
      throw new Error(`no case stored for ${decided.docId}`);
    }
    const saved = await stores.handling.saveCase({ ...handle(stored), version: stored.version + 1 });
    if (saved !== 'saved') {
      throw new Error(`saving the case of ${decided.docId} was ${saved}`);
    }
  }
}

function comparable(figures: Figures) {
  const { computedAt: _at, byCategory, byGroup, byUnit, ...rest } = figures;
  return JSON.stringify({ ...rest, byCategory, byGroup: byGroup.length, byUnit: byUnit.length });
}

/** Computes the figures of 2,000 proposals in process, then reads them from SQLite as the route does. */
export async function runFigures(options: FiguresOptions): Promise<FiguresResult> {
  const workload = figuresWorkload(options, seededRandom(options.seed));
  const current = workload.sessions.find((session) => session.isCurrent)?.id ?? null;
  const input: FiguresInput = {
    records: workload.proposals.map((proposal) => proposal.record),
    cases: finalCases(workload),
    units: workload.units,
    groups: workload.groups,
    categories: DEFAULT_CATEGORIES,
    sessionId: current,
    currentSessionId: current,
    now: workload.now,
  };
  const computeSessionMs = await timed(options.runs, () => computeFigures(input));
  const computeAllMs = await timed(options.runs, () => computeFigures({ ...input, sessionId: null }));
  const all = computeFigures({ ...input, sessionId: null });

  const dir = mkdtempSync(path.join(tmpdir(), 'jianyan-bench-figures-'));
  const file = databasePath(dir);
  const records = new SqliteDocRecordStore({ path: file });
  const stores: SqliteStores = {
    records,
    groups: new SqliteGroupStore({ path: file }),
    handling: new SqliteHandlingStore({ path: file }),
    reviews: new SqliteReviewStore({ path: file }),
    settings: new SqliteCommitteeSettingsStore({ path: file }),
  };
  try {
    await seedSqlite(file, workload, stores);
    const readSessionMs = await timed(options.runs, () => readFigures(stores, current, workload.now));
    const readAllMs = await timed(options.runs, () => readFigures(stores, null, workload.now));
    const stored = await readFigures(stores, null, workload.now);
    return {
      computeSessionMs,
      computeAllMs,
      readSessionMs,
      readAllMs,
      isSame: stored !== null && comparable(stored) === comparable(all),
      all: {
        received: all.received,
        pending: all.pending,
        filed: all.filed,
        notFiled: all.notFiled,
        merged: all.merged,
        key: all.key,
        handedOver: all.handedOver,
        answered: all.answered,
        answeredOnTime: all.answeredOnTime,
        answerRate: all.answerRate,
        onTimeRate: all.onTimeRate,
        answerClasses: all.answerClasses,
        rated: all.rated,
        satisfactionRate: all.satisfactionRate,
        overdue: all.overdue,
        unitsWithOverdue: all.byUnit.filter((row) => row.overdue > 0).length,
      },
    };
  } finally {
    for (const store of Object.values(stores)) {
      await store.close();
    }
    rmSync(dir, { recursive: true, force: true });
  }
}
