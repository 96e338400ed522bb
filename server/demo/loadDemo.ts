import { DEMO_GROUPS, DEMO_PEOPLE } from '../../shared/demo/committee';
import { draftContentUpdate } from '../../shared/demo/draftContent';
import { DEMO_DRAFTS, type DemoDraft } from '../../shared/demo/drafts';
import { DEMO_DECIDED } from '../../shared/demo/handlingDrafts';
import type { DocId, GroupId, Role, UserId } from '../../shared/index';
import { newDocId, roomNameOf } from '../../shared/index';
import { createAccounts } from '../roster/createAccounts';
import { oneTimePassword } from '../roster/oneTimePassword';
import type { AccountStore } from '../storage/AccountStore';
import type { DocRecordStore } from '../storage/DocRecordStore';
import type { DocStore } from '../storage/DocStore';
import type { GroupStore } from '../storage/GroupStore';
import { openStores, type StoreSettings } from '../storage/openStores';
import { loadDemoDuty } from './demoDuty';
import { type DemoUnitAccount, loadDemoHandling } from './demoHandling';
import { recordDemoReview } from './demoReview';

/** Drafts are dated over the last weeks, a day or two apart, so the list looks lived in. */
const DRAFT_SPACING_MS = 31 * 60 * 60 * 1000;

/** A demo account with the password made up for this run. */
export interface DemoAccount {
  readonly username: string;
  readonly name: string;
  readonly role: Role;
  readonly groups: readonly string[];
  readonly password: string;
}

export type DemoOutcome =
  | {
      readonly ok: true;
      readonly accounts: readonly DemoAccount[];
      readonly groupCount: number;
      readonly draftCount: number;
      /** The handling units' accounts (承办单位), each with its unit. */
      readonly unitAccounts: readonly DemoUnitAccount[];
    }
  | { readonly ok: false; readonly message: string };

export interface LoadDemoOptions {
  /** The database to load into: PostgreSQL with `databaseUrl`, else SQLite under `dataDir`. */
  readonly store: StoreSettings;
  hashPassword(password: string): Promise<string>;
  readonly now?: () => number;
}

interface Directory {
  readonly userId: (username: string) => UserId;
  readonly groupId: (name: string) => GroupId;
  readonly nameOf: (username: string) => string;
}

/** Creates the groups and accounts in one transaction; demo passwords need not be changed. */
async function createPeople(
  store: Pick<AccountStore, 'importRoster' | 'findUserByUsername' | 'setPasswordHash'>,
  hashPassword: (password: string) => Promise<string>,
): Promise<DemoAccount[]> {
  const { passwords, hashes } = await createAccounts(
    store,
    {
      groupNames: DEMO_GROUPS,
      accounts: DEMO_PEOPLE.map((person) => ({ ...person, groupNames: person.groups })),
    },
    hashPassword,
  );
  const accounts = DEMO_PEOPLE.map((person, index) => ({ ...person, password: passwords[index] ?? '' }));
  // A roster import asks everyone to choose a password; visitors of a demo switch accounts instead.
  for (const [index, account] of accounts.entries()) {
    const user = await store.findUserByUsername(account.username);
    if (user !== null) {
      await store.setPasswordHash(user.id, hashes[index] ?? '', { endSessions: false, mustChangePassword: false });
    }
  }
  return accounts;
}

async function directoryOf(stores: { accounts: AccountStore; groups: GroupStore }): Promise<Directory> {
  const users = new Map((await stores.accounts.listUsers()).map((user) => [user.username, user]));
  const groups = new Map((await stores.groups.listGroups()).map((group) => [group.name, group.id]));
  const find = <T>(map: Map<string, T>, key: string, what: string): T => {
    const value = map.get(key);
    if (value === undefined) {
      throw new Error(`Cannot load the demo: the ${what} "${key}" of a draft is not in the demo committee`);
    }
    return value;
  };
  return {
    userId: (username) => find(users, username, 'person').id,
    groupId: (name) => find(groups, name, 'group'),
    nameOf: (username) => find(users, username, 'person').name,
  };
}

/** Registers a draft's record and stores its content as the first update of its room. */
async function createDraft(
  stores: { records: DocRecordStore; docs: DocStore },
  draft: DemoDraft,
  directory: Directory,
  createdAt: number,
): Promise<{ id: DocId; content: Uint8Array }> {
  const id = newDocId();
  const createdBy = directory.userId(draft.createdBy);
  await stores.records.createDocument({
    id,
    kind: draft.kind,
    groupId: directory.groupId(draft.group),
    title: draft.title,
    createdBy,
    createdAt,
  });
  const coAuthors = draft.coAuthors.map(directory.userId);
  const updatedAt = createdAt + 60 * 60 * 1000;
  const content = draftContentUpdate(draft, directory.nameOf);
  await stores.docs.write({
    updates: [{ room: roomNameOf(id), update: content }],
    documents: [{ id, title: draft.title, updatedAt, updatedBy: coAuthors.at(-1) ?? createdBy }],
    authors: coAuthors.map((userId, index) => ({ docId: id, userId, at: createdAt + (index + 1) * 60_000 })),
  });
  return { id, content };
}

/**
 * Loads the demo committee into an empty database: its groups and people, each with a password
 * made up for this run, and its drafts with their content. Refuses a database that has accounts
 * already, so a real committee's data is never mixed with made-up people.
 */
export async function loadDemo(options: LoadDemoOptions): Promise<DemoOutcome> {
  const stores = await openStores(options.store);
  const { accounts, groups, records, documents: docs, reviews, handling, activities, duty } = stores;
  try {
    const existing = await accounts.countUsers();
    if (existing > 0) {
      return {
        ok: false,
        message: `${stores.location} already has ${existing} account${existing > 1 ? 's' : ''}: the demo loads only into an empty database. Choose another, for example: DATA_DIR=./demo-data npm run demo`,
      };
    }
    const people = await createPeople(accounts, options.hashPassword);
    const directory = await directoryOf({ accounts, groups });
    const now = (options.now ?? Date.now)();
    for (const [index, draft] of DEMO_DRAFTS.entries()) {
      const createdAt = now - (DEMO_DRAFTS.length - index) * DRAFT_SPACING_MS;
      const { id, content } = await createDraft({ records, docs }, draft, directory, createdAt);
      await recordDemoReview(reviews, { id, draft, content, createdAt, userId: directory.userId });
    }
    const unitAccounts = await loadDemoHandling({
      accounts,
      reviews,
      handling,
      createDraft: async (draft, createdAt) => (await createDraft({ records, docs }, draft, directory, createdAt)).id,
      userId: directory.userId,
      hashPassword: async () => {
        const password = oneTimePassword();
        return { password, hash: await options.hashPassword(password) };
      },
      now,
    });
    await loadDemoDuty({ activities, duty, userId: directory.userId, groupId: directory.groupId, now });
    return {
      ok: true,
      accounts: people,
      unitAccounts,
      groupCount: DEMO_GROUPS.length,
      draftCount: DEMO_DRAFTS.length + DEMO_DECIDED.length,
    };
  } finally {
    await stores.close();
  }
}
