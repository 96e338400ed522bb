import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import * as Y from 'yjs';
import { committeeDuty } from '../../server/duty/committeeDuty';
import { readDocCredits } from '../../server/duty/docCredits';
import { yearSettings } from '../../server/duty/dutyYears';
import { type LedgerDeps, yearLedger } from '../../server/duty/ledger';
import type { UserRecord } from '../../server/storage/AccountStore';
import type { Stores } from '../../server/storage/openStores';
import { databasePath } from '../../server/storage/sqlite/databasePath';
import { SqliteActivityStore } from '../../server/storage/sqlite/SqliteActivityStore';
import { SqliteAttachmentStore } from '../../server/storage/sqlite/SqliteAttachmentStore';
import { SqliteDocRecordStore } from '../../server/storage/sqlite/SqliteDocRecordStore';
import { SqliteDutyStore } from '../../server/storage/sqlite/SqliteDutyStore';
import { SqliteHandlingStore } from '../../server/storage/sqlite/SqliteHandlingStore';
import { SqliteReviewStore } from '../../server/storage/sqlite/SqliteReviewStore';
import type { Activity } from '../../shared/domain/activities';
import { AdoptionType } from '../../shared/domain/adoptions';
import { ContentField } from '../../shared/domain/documentSchema';
import { emptyDutyBook } from '../../shared/domain/dutyBook';
import { ActivityKind, type DutyFact, scoreYear } from '../../shared/domain/dutyScoring';
import { CaseOutcome, newCase } from '../../shared/domain/handling';
import type { DocId, GroupId, SessionId, UserId } from '../../shared/domain/ids';
import { Role } from '../../shared/domain/roles';
import { seededRandom } from '../lib/seededRandom';
import type { Summary } from '../lib/stats';
import { timed } from '../lib/timed';

export interface DutyBenchOptions {
  readonly members: number;
  readonly groups: number;
  readonly activities: number;
  readonly documents: number;
  readonly runs: number;
  readonly seed: number;
}

export interface DutyBenchResult {
  /** Every store read and the year's ledger built (what each duty route starts with). */
  readonly ledgerMs: Summary;
  /** The committee page's answer: the ledger, then every member scored and flagged (GET /api/duty/committee). */
  readonly committeeMs: Summary;
  /** Scoring every member's facts alone, in memory. */
  readonly scoreAllMs: Summary;
  /** Reading one decided document's credits from its content and discussion (once per document). */
  readonly creditsOfOneDocMs: Summary;
  readonly facts: number;
  readonly flagged: number;
}

const DAY_MS = 24 * 60 * 60 * 1000;
export const DUTY_BENCH_YEAR = 2026;
const YEAR = DUTY_BENCH_YEAR;
const START = Date.UTC(YEAR, 0, 5);

function pick<T>(random: () => number, items: readonly T[]): T {
  return items[Math.floor(random() * items.length)] as T;
}

/** A 5,000-character document written by three people, with twenty comments: what a credit read opens. */
function writtenDocument(authors: readonly UserId[]): { content: Y.Doc; comments: Y.Doc } {
  const content = new Y.Doc();
  const body = content.getXmlFragment(ContentField.body);
  for (const [index, author] of authors.entries()) {
    const writer = new Y.Doc();
    Y.applyUpdate(writer, Y.encodeStateAsUpdate(content));
    new Y.PermanentUserData(writer, writer.getMap(ContentField.authors)).setUserMapping(
      writer,
      writer.clientID,
      author,
    );
    for (let paragraph = 0; paragraph < 10; paragraph += 1) {
      const element = new Y.XmlElement('paragraph');
      const text = new Y.XmlText();
      element.insert(0, [text]);
      writer.getXmlFragment(ContentField.body).push([element]);
      text.insert(0, '乡村振兴调研内容'.repeat(21).slice(0, 166));
    }
    if (index === 0) {
      writer.getText(ContentField.title).insert(0, '关于乡村道路养护的调研报告');
    }
    Y.applyUpdate(content, Y.encodeStateAsUpdate(writer));
  }
  const comments = new Y.Doc();
  const threads = comments.getMap('threads');
  for (let index = 0; index < 20; index += 1) {
    const thread = new Y.Map<unknown>();
    const list = new Y.Array<Y.Map<unknown>>();
    const comment = new Y.Map<unknown>();
    comment.set('authorId', authors[index % authors.length]);
    comment.set('isDeleted', false);
    list.push([comment]);
    thread.set('comments', list);
    threads.set(`t${index}`, thread);
  }
  void body;
  return { content, comments };
}

/** The stores the year is written to and read from: any adapter (the bench opens SQLite's). */
export type DutyBenchStores = Pick<Stores, 'records' | 'reviews' | 'handling' | 'attachments' | 'activities' | 'duty'>;

/** The committee the year is seeded for: its members (conveners among them) and groups. */
export interface DutyBenchCommittee {
  readonly members: readonly UserRecord[];
  readonly groupIds: readonly GroupId[];
}

/** Made-up members, spread over the groups, a convener in every fifty: their records are never stored. */
export function benchCommittee(options: Pick<DutyBenchOptions, 'members' | 'groups'>): DutyBenchCommittee {
  const groupIds = Array.from({ length: options.groups }, () => randomUUID() as GroupId);
  const members: UserRecord[] = Array.from({ length: options.members }, (_, index) => ({
    id: randomUUID() as UserId,
    username: `m${index}`,
    name: `委员${index}`,
    role: index % 50 === 0 ? Role.convener : Role.member,
    passwordHash: '',
    mustChangePassword: false,
    isActive: true,
    createdAt: START - 400 * DAY_MS,
    groupIds: [groupIds[index % options.groups] as GroupId],
    unitId: null,
  }));
  return { members, groupIds };
}

/** Writes the year: documents (raw rows, then the office's decisions), activities, adoptions, credits, books. */
export async function seedDutyYear(
  file: string,
  stores: DutyBenchStores,
  options: DutyBenchOptions,
  random: () => number,
  committee: DutyBenchCommittee,
): Promise<void> {
  const { members } = committee;
  const groups = committee.groupIds;
  const office = randomUUID() as UserId;
  const raw = new Database(file);
  const insertDoc = raw.prepare(
    'INSERT INTO documents (id, title, kind, updated_at, status, created_at, group_id, created_by, fields) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
  );
  const insertCosigner = raw.prepare(
    "INSERT OR IGNORE INTO doc_cosigners (doc_id, user_id, state, invited_by, invited_at, signed_at) VALUES (?, ?, 'signed', ?, ?, ?)",
  );
  const docs: { id: DocId; kind: string; author: UserRecord; at: number; decided: boolean }[] = [];
  raw.transaction(() => {
    for (let index = 0; index < options.documents; index += 1) {
      const author = pick(random, members);
      const kind = index % 10 < 6 ? 'proposal' : index % 10 < 9 ? 'social_info' : 'research_report';
      const at = START + Math.floor(random() * 330) * DAY_MS;
      const decided = random() < 0.8;
      const id = randomUUID() as DocId;
      const status = kind === 'proposal' ? (decided ? 'approved' : 'in_review') : decided ? 'filed' : 'in_review';
      insertDoc.run(id, `文稿${index}`, kind, at, status, at, author.groupIds[0], author.id, '{}');
      if (kind === 'proposal') {
        for (let count = Math.floor(random() * 4); count > 0; count -= 1) {
          const cosigner = pick(random, members);
          if (cosigner.id !== author.id) {
            insertCosigner.run(id, cosigner.id, author.id, at, at);
          }
        }
      }
      docs.push({ id, kind, author, at, decided });
    }
  })();
  raw.close();
  const session = randomUUID() as SessionId;
  await stores.handling.createSession({
    id: session,
    name: '十五届五次会议',
    isCurrent: true,
    callDeadline: null,
    createdAt: 1,
  });
  for (const doc of docs.filter((each) => each.kind === 'proposal' && each.decided)) {
    const roll = random();
    const outcome = roll < 0.7 ? CaseOutcome.filed : roll < 0.9 ? CaseOutcome.notFiled : CaseOutcome.merged;
    const decided = newCase({
      docId: doc.id,
      sessionId: session,
      outcome,
      number: null,
      reason: outcome === CaseOutcome.filed ? null : '不予立案',
      mergedInto: null,
      isKey: outcome === CaseOutcome.filed && random() < 0.1,
      conversion: null,
      decidedBy: office,
      decidedAt: doc.at + 20 * DAY_MS,
    });
    const applied = await stores.reviews.applyTransition({
      requestId: randomUUID(),
      event: {
        id: randomUUID(),
        docId: doc.id,
        type: outcome,
        actorId: office,
        at: doc.at + 20 * DAY_MS,
        reason: null,
        versionId: null,
        subjectId: null,
        fromStatus: 'approved',
        toStatus: outcome,
      },
      version: null,
      reviewedVersionId: null,
      notifications: [],
      filing: decided,
    });
    if (applied.kind !== 'applied') {
      throw new Error(`deciding ${doc.id} was ${applied.kind}`);
    }
  }
  for (const doc of docs.filter((each) => each.kind === 'social_info' && each.decided && random() < 0.3)) {
    await stores.attachments.addAdoption({
      id: randomUUID(),
      docId: doc.id,
      type: AdoptionType.adopted,
      level: pick(random, ['city', 'province', 'national'] as const),
      by: '市政协办公室',
      at: doc.at + 30 * DAY_MS,
      note: '',
      evidenceAttachmentId: null,
      recordedBy: office,
      recordedAt: doc.at + 30 * DAY_MS,
    } as never);
  }
  for (const doc of docs.filter((each) => each.decided)) {
    const helper = members.find(
      (member, index) => member.id !== doc.author.id && index >= Math.floor(random() * 400),
    ) as UserRecord;
    await stores.duty.putCredits(doc.id, [
      {
        docId: doc.id,
        userId: doc.author.id,
        chars: 3000,
        total: 5000,
        comments: 0,
        reviews: 0,
        at: doc.at + 20 * DAY_MS,
      },
      { docId: doc.id, userId: helper.id, chars: 2000, total: 5000, comments: 3, reviews: 1, at: doc.at + 20 * DAY_MS },
    ]);
  }
  const kinds = Object.values(ActivityKind);
  for (let index = 0; index < options.activities; index += 1) {
    const kind = index === 0 ? ActivityKind.plenary : pick(random, kinds);
    const groupId = kind === ActivityKind.plenary ? null : pick(random, groups);
    const invitees = members.filter((member) => groupId === null || member.groupIds.includes(groupId));
    const startsAt = START + Math.floor(random() * 330) * DAY_MS;
    const activity: Activity = {
      id: randomUUID(),
      kind,
      title: `活动${index}`,
      place: '市政协',
      startsAt,
      endsAt: startsAt + 3 * 60 * 60 * 1000,
      groupId,
      organizerId: office,
      inviteeIds: invitees.map((member) => member.id),
      responses: [],
      attendance: invitees.map((member) => {
        const roll = random();
        return {
          userId: member.id,
          presence: roll < 0.8 ? 'attended' : roll < 0.95 ? 'excused' : 'absent',
          via: 'list',
          at: startsAt,
        };
      }),
      createdAt: startsAt - 10 * DAY_MS,
      version: 1,
    };
    await stores.activities.createActivity(activity);
  }
  for (const member of members.slice(0, 100)) {
    await stores.duty.saveBook({
      ...emptyDutyBook(member.id, YEAR),
      externalFacts: [
        {
          id: randomUUID(),
          at: START + 100 * DAY_MS,
          points: 2,
          note: '大会发言',
          evidence: '发言稿',
          recordedBy: office,
          recordedAt: START,
        },
      ],
      version: 1,
    });
  }
}

/** Recomputes a year of 500 members, 50 activities and 2,000 documents from real SQLite stores. */
export async function runDuty(options: DutyBenchOptions): Promise<DutyBenchResult> {
  const random = seededRandom(options.seed);
  const dir = mkdtempSync(path.join(tmpdir(), 'jianyan-bench-duty-'));
  const file = databasePath(dir);
  const records = new SqliteDocRecordStore({ path: file });
  const stores: DutyBenchStores = {
    records,
    reviews: new SqliteReviewStore({ path: file }),
    handling: new SqliteHandlingStore({ path: file }),
    attachments: new SqliteAttachmentStore({ path: file }),
    activities: new SqliteActivityStore({ path: file }),
    duty: new SqliteDutyStore({ path: file }),
  };
  try {
    const people = benchCommittee(options);
    await seedDutyYear(file, stores, options, random, people);
    const { members } = people;
    const groups = people.groupIds.map((id, index) => ({ id, name: `第${index + 1}组`, memberIds: [], createdAt: 1 }));
    const unread = { readContent: () => Promise.reject(new Error('every decided document was read already')) };
    const deps: LedgerDeps = { ...stores, content: unread };
    const now = Date.UTC(YEAR, 11, 20);
    const ledgerMs = await timed(options.runs, () => yearLedger(deps, YEAR));
    const committee = async () => {
      const [ledger, settings] = await Promise.all([yearLedger(deps, YEAR), yearSettings(stores.duty, YEAR)]);
      return committeeDuty({ ledger, settings, members, groups: groups as never, quarter: null, now });
    };
    const committeeMs = await timed(options.runs, committee);
    const ledger = await yearLedger(deps, YEAR);
    const settings = await yearSettings(stores.duty, YEAR);
    const byMember = new Map<string, DutyFact[]>();
    for (const fact of ledger.facts) {
      byMember.set(fact.userId, [...(byMember.get(fact.userId) ?? []), fact]);
    }
    const scoreAllMs = await timed(options.runs, () =>
      members.map((member) => scoreYear(byMember.get(member.id) ?? [], settings.rules)),
    );
    const authors = members.slice(0, 3).map((member) => member.id);
    const written = writtenDocument(authors);
    const docId = randomUUID() as DocId;
    const reader = {
      duty: stores.duty,
      reviews: stores.reviews,
      content: {
        readContent: <T>(_id: DocId, read: (doc: Y.Doc) => T, kind?: string) =>
          Promise.resolve(read(kind === 'comments' ? written.comments : written.content)),
      },
    };
    const subject = { id: docId, status: 'filed' as const, createdBy: authors[0] as UserId, updatedAt: now };
    const creditsOfOneDocMs = await timed(options.runs, () => readDocCredits(reader as never, subject));
    const view = await committee();
    return {
      ledgerMs,
      committeeMs,
      scoreAllMs,
      creditsOfOneDocMs,
      facts: ledger.facts.length,
      flagged: view.rows.filter((row) => row.flags.length > 0).length,
    };
  } finally {
    for (const store of Object.values(stores)) {
      await store.close();
    }
    rmSync(dir, { recursive: true, force: true });
  }
}
