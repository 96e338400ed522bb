import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { docRecordSchema, sessionSchema } from '../../shared/api/schemas';
import { DEMO_PEOPLE } from '../../shared/demo/committee';
import { DEMO_DRAFTS } from '../../shared/demo/drafts';
import { DEMO_DECIDED, DEMO_UNIT_ACCOUNTS } from '../../shared/demo/handlingDrafts';
import { caseStage, isOverdue } from '../../shared/domain/handling';
import type { UserId } from '../../shared/index';
import { ContentField, roomNameOf, templateHeadings } from '../../shared/index';
import { DEMO_INACTIVE } from '../demo/demoDuty';
import { committeeYear } from '../duty/ledger';
import { openStores, type Stores } from '../storage/openStores';
import { newTestDatabase, type TestDatabase } from '../storage/postgres/testDatabases';
import { TEST_DATABASE_URL } from '../storage/postgres/testSchemas';
import { runNpmScript, type ScriptResult } from './support/runNpmScript';
import { SyncClient } from './support/SyncClient';
import { makeDataDir, startTestServer } from './support/testServer';

/** The demo hashes some forty passwords with scrypt: allow a loaded machine time. */
const DEMO_TIMEOUT_MS = 90_000;

/** The printed accounts: username, name, role and password of each table row. */
function printedAccounts(stdout: string): Map<string, { name: string; role: string; password: string }> {
  const accounts = new Map<string, { name: string; role: string; password: string }>();
  for (const line of stdout.split('\n')) {
    const match = /^([a-z][a-z0-9._-]+)\s+(\S+)\s+(\S+)\s+.*?([a-z2-9]{4}-[a-z2-9]{4}-[a-z2-9]{4})$/.exec(line);
    if (match !== null) {
      const [, username = '', name = '', role = '', password = ''] = match;
      accounts.set(username, { name, role, password });
    }
  }
  return accounts;
}

/** The database the demo loads into: SQLite in DATA_DIR always, PostgreSQL when TEST_DATABASE_URL is set. */
const BACKENDS = [
  { backend: 'SQLite', usesPostgres: false },
  ...(TEST_DATABASE_URL === null ? [] : [{ backend: 'PostgreSQL', usesPostgres: true }]),
];

describe.each(BACKENDS)('npm run demo on $backend', ({ usesPostgres }) => {
  let dataDir: string;
  let database: TestDatabase | null = null;
  let demo: ScriptResult;

  const databaseUrl = (): string | null => database?.url ?? null;
  const runDemo = (): Promise<ScriptResult> =>
    runNpmScript('demo', dataDir, [], database === null ? {} : { DATABASE_URL: database.url });

  async function withStores<T>(use: (stores: Stores) => Promise<T>): Promise<T> {
    const stores = await openStores({ dataDir, databaseUrl: databaseUrl() });
    try {
      return await use(stores);
    } finally {
      await stores.close();
    }
  }

  beforeAll(async () => {
    dataDir = makeDataDir();
    database = usesPostgres ? await newTestDatabase() : null;
    demo = await runDemo();
  }, DEMO_TIMEOUT_MS);

  afterAll(async () => {
    rmSync(dataDir, { recursive: true, force: true });
    await database?.drop();
  });

  it('prints every account of the demo committee with a password, and what to do next', () => {
    expect(demo.stderr).toBe('');
    expect(demo.code).toBe(0);
    expect(demo.stdout).toContain('12 activity groups');
    const accounts = printedAccounts(demo.stdout);
    expect(accounts.size).toBeGreaterThanOrEqual(40);
    expect([...accounts.values()].filter((account) => account.role === '召集人').length).toBeGreaterThanOrEqual(6);
    expect(accounts.get('linguodong')).toMatchObject({ name: '林国栋', role: '主席' });
    expect(demo.stdout).toContain('Now run npm start and sign in');
  });

  it('registers each draft in its group and stores its content with the title and template', async () => {
    await withStores(async ({ groups: groupStore, records: recordStore, documents: docs }) => {
      const groups = new Map((await groupStore.listGroups()).map((group) => [group.id, group.name]));
      expect(groups.size).toBe(12);
      const all = await recordStore.listDocuments();
      expect(all).toHaveLength(DEMO_DRAFTS.length + DEMO_DECIDED.length);
      const records = all.filter((record) => DEMO_DRAFTS.some((draft) => draft.title === record.title));
      expect(records).toHaveLength(DEMO_DRAFTS.length);
      for (const record of records) {
        const draft = DEMO_DRAFTS.find((candidate) => candidate.title === record.title);
        expect(draft, record.title).toBeDefined();
        expect(record).toMatchObject({
          kind: draft?.kind,
          status: draft?.review?.status ?? 'draft',
          isArchived: false,
        });
        expect(record.groupId === null ? null : groups.get(record.groupId)).toBe(draft?.group);
        expect(record.authorIds).toHaveLength(1 + (draft?.coAuthors.length ?? 0));

        const doc = new Y.Doc({ gc: false });
        for (const { update } of await docs.load(roomNameOf(record.id))) {
          Y.applyUpdate(doc, update);
        }
        expect(doc.getText(ContentField.title).toString()).toBe(record.title);
        const body = doc.getXmlFragment(ContentField.body).toString();
        for (const heading of templateHeadings(record.kind)) {
          expect(body).toContain(`>${heading}</heading>`);
        }
      }
    });
  });

  it('files, hands over, answers and rates proposals in two sessions, with unit accounts to sign in', async () => {
    expect(printedAccounts(demo.stdout).get('shuiliju')).toMatchObject({ name: '水利局联络员', role: '承办单位' });
    await withStores(async ({ records: recordStore, handling }) => {
      const records = await recordStore.listDocuments();
      const cases = await handling.listCases();
      const stageOf = (title: string) => {
        const record = records.find((candidate) => candidate.title === title);
        const found = cases.find((each) => each.docId === record?.id);
        return found === undefined || record === undefined ? null : caseStage(found, record.createdBy as UserId);
      };
      expect(stageOf('关于推进城区老旧小区雨污分流改造的建议')).toBe('closed');
      expect(stageOf('关于提升乡镇卫生院急救能力的建议')).toBe('handling');
      expect(stageOf('关于调整县城出租车运价的建议')).toBe('other');
      expect(records.find((record) => record.title === '关于发展林下经济促进山区群众增收的建议')?.status).toBe(
        'approved',
      );
      expect(cases.filter((each) => isOverdue(each, Date.now()))).toHaveLength(1);
      expect((await handling.listSessions()).filter((session) => session.isCurrent).map((s) => s.name)).toEqual([
        '十五届四次会议',
      ]);
    });
  });

  it('gives drafts in review their timeline and versions, and proposals their co-signers', async () => {
    await withStores(async ({ records: recordStore, reviews }) => {
      const records = await recordStore.listDocuments();
      const reviewed = DEMO_DRAFTS.filter((draft) => draft.review !== undefined);
      expect(reviewed.map((draft) => draft.review?.status).sort()).toEqual(['in_review', 'returned']);
      for (const draft of reviewed) {
        const record = records.find((candidate) => candidate.title === draft.title);
        const activity = await reviews.activity(record!.id, record!.createdBy!);
        const expected = draft.review?.status === 'returned' ? ['submitted', 'returned'] : ['submitted'];
        expect(activity.events.filter((event) => event.fromStatus !== null).map((event) => event.type)).toEqual(
          expected,
        );
        expect(activity.versions).toHaveLength(expected.length);
      }
      const drafts = records.filter((record) => DEMO_DRAFTS.some((draft) => draft.title === record.title));
      for (const record of drafts.filter((candidate) => candidate.kind === 'proposal')) {
        const draft = DEMO_DRAFTS.find((candidate) => candidate.title === record.title);
        expect(record.cosigners.map((cosigner) => cosigner.state)).toEqual(draft?.coAuthors.map(() => 'signed'));
      }
    });
  });

  it('lets a printed member sign in and open the drafts of their groups, and only those', async () => {
    const member = DEMO_PEOPLE.find((person) => person.role === 'member' && person.groups.length === 2);
    const password = printedAccounts(demo.stdout).get(member?.username ?? '')?.password;
    expect(password).toBeDefined();
    const server = await startTestServer({ dataDir, databaseUrl: databaseUrl() });
    try {
      const signIn = await fetch(`${server.url}/api/session`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username: member?.username, password }),
      });
      expect(signIn.status).toBe(200);
      const session = sessionSchema.parse(await signIn.json());
      expect(session.user).toMatchObject({ username: member?.username, mustChangePassword: false });

      const answer = await fetch(`${server.url}/api/docs`, { headers: { authorization: `Bearer ${session.token}` } });
      expect(answer.status).toBe(200);
      const docs = docRecordSchema.array().parse(((await answer.json()) as { docs: unknown }).docs);
      const expected = [...DEMO_DRAFTS, ...DEMO_DECIDED]
        .filter((draft) => member?.groups.includes(draft.group))
        .map((draft) => draft.title);
      expect(expected.length).toBeGreaterThan(0);
      expect(docs.map((doc) => doc.title).sort()).toEqual(expected.sort());

      const [first] = docs;
      const client = await SyncClient.connect(server.wsUrl, roomNameOf(first!.id), { token: session.token });
      try {
        expect(client.text(ContentField.title)).toBe(first?.title);
        expect(client.doc.getXmlFragment(ContentField.body).length).toBeGreaterThan(
          templateHeadings(first!.kind).length * 2,
        );
      } finally {
        await client.close();
      }
    } finally {
      await server.close();
    }
  });

  it('gives the committee a year of activities and duty records, with a member to flag', async () => {
    await withStores(async (stores) => {
      const activities = await stores.activities.listActivities();
      const over = activities.filter((activity) => activity.attendance.length > 0);
      expect(over.length).toBeGreaterThanOrEqual(15);
      expect(new Set(activities.map((activity) => activity.kind)).size).toBe(10);
      // One coming, answers still arriving.
      expect(activities.filter((activity) => activity.attendance.length === 0)).toHaveLength(1);
      const inactive = (await stores.accounts.findUserByUsername(DEMO_INACTIVE))?.id;
      const attended = over.flatMap((activity) => activity.attendance).filter((entry) => entry.presence === 'attended');
      expect(attended.some((entry) => entry.userId === inactive)).toBe(false);
      expect(attended.length).toBeGreaterThan(100);
      const books = await stores.duty.listBooks(committeeYear(Date.now()));
      expect(books.map((book) => book.state).sort()).toEqual(['confirmed', 'draft', 'draft', 'submitted']);
      expect(books.find((book) => book.userId === inactive)?.talks).toHaveLength(1);
    });
  });

  it('refuses to load into a database that has accounts', { timeout: DEMO_TIMEOUT_MS }, async () => {
    const again = await runDemo();
    expect(again.code).toBe(1);
    expect(again.stderr).toContain(`already has ${DEMO_PEOPLE.length + DEMO_UNIT_ACCOUNTS.length} accounts`);
  });
});
