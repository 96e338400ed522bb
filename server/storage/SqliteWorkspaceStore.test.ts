import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { type DocId, DocKind, type GroupId, Role, type RoomName, type UserId } from '../../shared/index';
import { hashToken, newToken } from '../auth/tokens';
import { EMPTY_BATCH } from './DocStore';
import { databasePath } from './databasePath';
import { SqliteDocStore } from './SqliteDocStore';
import { SqliteWorkspaceStore } from './SqliteWorkspaceStore';
import { type NewUser, WorkspaceConflictError } from './WorkspaceStore';

const dirs: string[] = [];
const stores: { close(): Promise<void> }[] = [];

function tempDbPath(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'jianyan-workspace-'));
  dirs.push(dir);
  return databasePath(dir);
}

function openStore(file = tempDbPath()): SqliteWorkspaceStore {
  const store = new SqliteWorkspaceStore({ path: file });
  stores.push(store);
  return store;
}

afterEach(async () => {
  for (const store of stores.splice(0)) {
    await store.close();
  }
  for (const dir of dirs.splice(0)) {
    rmSync(dir, { recursive: true, force: true });
  }
});

const userId = () => randomUUID() as UserId;
const groupId = () => randomUUID() as GroupId;
const docId = () => randomUUID() as DocId;

function newUser(username: string, extra: Partial<NewUser> = {}): NewUser {
  return {
    id: userId(),
    username,
    name: `Name of ${username}`,
    role: Role.member,
    passwordHash: 'scrypt$hash',
    createdAt: 1_000,
    groupIds: [],
    ...extra,
  };
}

describe('SqliteWorkspaceStore', () => {
  it('creates accounts with their groups and finds them by id and username', async () => {
    const store = openStore();
    const group = await store.createGroup({ id: groupId(), name: '经济界', createdAt: 1 });
    const created = await store.createUser(newUser('li.ming', { groupIds: [group.id], role: Role.convener }));

    expect(await store.countUsers()).toBe(1);
    expect(await store.getUser(created.id)).toEqual(created);
    expect(await store.findUserByUsername('LI.MING')).toEqual(created);
    expect(created).toMatchObject({
      role: 'convener',
      isActive: true,
      mustChangePassword: false,
      groupIds: [group.id],
    });
    expect((await store.getGroup(group.id))?.memberIds).toEqual([created.id]);
    expect(await store.findUserByUsername('nobody')).toBeNull();
  });

  it('refuses a taken username with a conflict that names it', async () => {
    const store = openStore();
    await store.createUser(newUser('wang'));
    const error = await store.createUser(newUser('wang')).catch((thrown: unknown) => thrown);
    expect(error).toBeInstanceOf(WorkspaceConflictError);
    expect(error).toMatchObject({ conflict: 'username', values: ['wang'] });
    expect(await store.countUsers()).toBe(1);
  });

  it('completes the setup once, only with the current setup secret', async () => {
    const store = openStore();
    const first = newToken();
    const second = newToken();
    await store.setSetupTokenHash(hashToken(first));
    await store.setSetupTokenHash(hashToken(second));

    expect(await store.completeSetup(hashToken(first), newUser('old', { role: Role.secretariat }))).toEqual({
      kind: 'gone',
    });
    const done = await store.completeSetup(hashToken(second), newUser('admin', { role: Role.secretariat }));
    expect(done).toMatchObject({ kind: 'created', user: { username: 'admin', role: 'secretariat' } });
    expect(await store.completeSetup(hashToken(second), newUser('again', { role: Role.secretariat }))).toEqual({
      kind: 'gone',
    });
    expect(await store.countUsers()).toBe(1);
  });

  it('ends all sessions when an account is deactivated, and other sessions when its password changes', async () => {
    const store = openStore();
    const user = await store.createUser(newUser('zhao'));
    const [a, b, c] = [hashToken(newToken()), hashToken(newToken()), hashToken(newToken())];
    for (const tokenHash of [a, b, c]) {
      await store.createSession({ tokenHash, userId: user.id, createdAt: 1, expiresAt: 10 });
    }

    await store.setPasswordHash(user.id, 'scrypt$new', { endSessions: true, keepSession: a });
    expect(await store.findSession(a)).toMatchObject({ userId: user.id, expiresAt: 10 });
    expect(await store.findSession(b)).toBeNull();
    expect((await store.getUser(user.id))?.passwordHash).toBe('scrypt$new');

    expect(await store.setUserActive(user.id, false)).toMatchObject({ isActive: false });
    expect(await store.findSession(a)).toBeNull();
    expect(await store.setUserActive(userId(), false)).toBeNull();
  });

  it('deletes expired sessions only', async () => {
    const store = openStore();
    const user = await store.createUser(newUser('sun'));
    const [old, fresh] = [hashToken(newToken()), hashToken(newToken())];
    await store.createSession({ tokenHash: old, userId: user.id, createdAt: 1, expiresAt: 100 });
    await store.createSession({ tokenHash: fresh, userId: user.id, createdAt: 1, expiresAt: 300 });
    expect(await store.deleteExpiredSessions(200)).toBe(1);
    expect(await store.findSession(fresh)).not.toBeNull();
  });

  it("stores API tokens by hash, lists the working ones and revokes only the owner's", async () => {
    const store = openStore();
    const owner = await store.createUser(newUser('qian'));
    const other = await store.createUser(newUser('zhou'));
    const tokenHash = hashToken(newToken());
    const record = await store.createApiToken({ id: 'tok-1', userId: owner.id, name: '脚本', tokenHash, createdAt: 5 });

    expect(await store.findApiToken(tokenHash)).toEqual(record);
    await store.touchApiToken('tok-1', 9);
    expect((await store.listApiTokens(owner.id)).map((t) => [t.name, t.lastUsedAt])).toEqual([['脚本', 9]]);
    expect(await store.revokeApiToken(other.id, 'tok-1', 10)).toBe(false);
    expect(await store.revokeApiToken(owner.id, 'tok-1', 10)).toBe(true);
    expect(await store.listApiTokens(owner.id)).toEqual([]);
    expect((await store.findApiToken(tokenHash))?.revokedAt).toBe(10);
  });

  it('creates, renames and lists groups, refusing a taken name', async () => {
    const store = openStore();
    const a = await store.createGroup({ id: groupId(), name: '农业界', createdAt: 1 });
    const b = await store.createGroup({ id: groupId(), name: '教育界', createdAt: 2 });
    await expect(store.createGroup({ id: groupId(), name: '农业界', createdAt: 3 })).rejects.toBeInstanceOf(
      WorkspaceConflictError,
    );
    await expect(store.renameGroup(b.id, '农业界')).rejects.toMatchObject({ conflict: 'group_name' });
    expect(await store.renameGroup(a.id, '农业农村界')).toMatchObject({ name: '农业农村界' });
    expect(await store.renameGroup(a.id, '农业农村界')).toMatchObject({ name: '农业农村界' });
    expect(await store.renameGroup(groupId(), 'x')).toBeNull();
    expect((await store.listGroups()).map((g) => g.name).sort()).toEqual(['农业农村界', '教育界'].sort());
  });

  it('adds and removes members idempotently', async () => {
    const store = openStore();
    const group = await store.createGroup({ id: groupId(), name: 'g', createdAt: 1 });
    const user = await store.createUser(newUser('wu'));
    await store.addMember(group.id, user.id);
    expect((await store.addMember(group.id, user.id))?.memberIds).toEqual([user.id]);
    expect((await store.getUser(user.id))?.groupIds).toEqual([group.id]);
    expect((await store.removeMember(group.id, user.id))?.memberIds).toEqual([]);
    expect((await store.removeMember(group.id, user.id))?.memberIds).toEqual([]);
    expect(await store.addMember(groupId(), user.id)).toBeNull();
  });

  it('lets one person join through an invitation, once, before it expires', async () => {
    const store = openStore();
    const admin = await store.createUser(newUser('admin', { role: Role.secretariat }));
    const group = await store.createGroup({ id: groupId(), name: 'g', createdAt: 1 });
    const tokenHash = hashToken(newToken());
    const invitation = await store.createInvitation({
      id: 'inv-1',
      tokenHash,
      role: Role.convener,
      groupIds: [group.id],
      createdBy: admin.id,
      createdAt: 100,
      expiresAt: 200,
    });
    expect(await store.findInvitation(tokenHash)).toEqual(invitation);
    expect(await store.listOpenInvitations(150)).toEqual([invitation]);
    expect(await store.listOpenInvitations(200)).toEqual([]);

    expect(await store.acceptInvitation('inv-1', newUser('late'), 200)).toEqual({ kind: 'gone' });
    await expect(store.acceptInvitation('inv-1', newUser('admin'), 150)).rejects.toBeInstanceOf(WorkspaceConflictError);
    const joined = await store.acceptInvitation('inv-1', newUser('chen'), 150);
    expect(joined).toMatchObject({
      kind: 'created',
      user: { username: 'chen', role: 'convener', groupIds: [group.id] },
    });
    expect(await store.acceptInvitation('inv-1', newUser('again'), 150)).toEqual({ kind: 'gone' });
    expect(await store.findInvitation(tokenHash)).toMatchObject({ usedAt: 150 });
    expect(await store.listOpenInvitations(150)).toEqual([]);
  });

  it('registers a document once, with its creator as first author', async () => {
    const store = openStore();
    const creator = userId();
    const group = groupId();
    const id = docId();
    const doc = { id, kind: DocKind.proposal, groupId: group, title: '关于', createdBy: creator, createdAt: 50 };
    const first = await store.createDocument(doc);
    expect(first).toEqual({
      isCreated: true,
      record: {
        ...doc,
        status: 'draft',
        isArchived: false,
        updatedAt: 50,
        updatedBy: creator,
        authorIds: [creator],
        cosigners: [],
      },
    });
    const again = await store.createDocument({ ...doc, kind: DocKind.socialInfo, createdAt: 99 });
    expect(again).toEqual({ isCreated: false, record: first.record });
    expect(await store.getDocument(id)).toEqual(first.record);
    expect(await store.listDocuments()).toEqual([first.record]);
    expect(await store.setDocumentArchived(id, true)).toMatchObject({ isArchived: true });
    expect(await store.setDocumentArchived(docId(), true)).toBeNull();
    expect(await store.getDocument(docId())).toBeNull();
  });

  it('lists the creator first among authors the relay recorded earlier', async () => {
    const file = tempDbPath();
    const store = openStore(file);
    const docs = new SqliteDocStore({ path: file, checkpointInBackground: false });
    stores.push(docs);
    const [creator, early] = [userId(), userId()];
    const id = docId();
    await store.createDocument({
      id,
      kind: DocKind.proposal,
      groupId: groupId(),
      title: '',
      createdBy: creator,
      createdAt: 50,
    });
    await docs.write({
      ...EMPTY_BATCH,
      updates: [{ room: id as string as RoomName, update: new Uint8Array([0, 0]) }],
      documents: [{ id, title: '新标题', updatedAt: 70, updatedBy: early }],
      authors: [{ docId: id, userId: early, at: 10 }],
    });
    expect(await store.getDocument(id)).toMatchObject({
      title: '新标题',
      updatedBy: early,
      authorIds: [creator, early],
    });
  });

  it('shows documents stored before groups existed with no group and no creator', async () => {
    const file = tempDbPath();
    const legacy = new Database(file);
    legacy.exec(`CREATE TABLE documents (id TEXT PRIMARY KEY, title TEXT NOT NULL, kind TEXT, updated_at INTEGER NOT NULL);
      CREATE TABLE updates (room TEXT NOT NULL, seq INTEGER NOT NULL, data BLOB NOT NULL, PRIMARY KEY (room, seq)) WITHOUT ROWID;
      PRAGMA user_version = 1;`);
    const id = docId();
    legacy.prepare('INSERT INTO documents (id, title, kind, updated_at) VALUES (?, ?, NULL, 42)').run(id, '旧文档');
    legacy.close();

    const store = openStore(file);
    expect(await store.getDocument(id)).toEqual({
      id,
      kind: 'proposal',
      groupId: null,
      title: '旧文档',
      status: 'draft',
      isArchived: false,
      createdBy: null,
      createdAt: 42,
      updatedAt: 42,
      updatedBy: null,
      authorIds: [],
      cosigners: [],
    });
  });

  it('imports a roster in one transaction: groups by name, accounts that must change their password', async () => {
    const store = openStore();
    const existing = await store.createGroup({ id: groupId(), name: '经济界', createdAt: 1 });
    const result = await store.importRoster({
      groupNames: ['经济界', '教育界'],
      accounts: [
        { username: 'a1', name: '甲', role: Role.member, passwordHash: 'h1', groupNames: ['经济界', '教育界'] },
        { username: 'a2', name: '乙', role: Role.convener, passwordHash: 'h2', groupNames: ['教育界'] },
      ],
    });
    expect(result).toEqual({ createdGroups: ['教育界'] });
    const a1 = await store.findUserByUsername('a1');
    expect(a1).toMatchObject({ mustChangePassword: true, passwordHash: 'h1' });
    expect(a1?.groupIds).toContain(existing.id);
    expect(a1?.groupIds).toHaveLength(2);
    expect(await store.countUsers()).toBe(2);
  });

  it('writes nothing of a roster whose usernames are taken, and names them all', async () => {
    const store = openStore();
    await store.createUser(newUser('a1'));
    await store.createUser(newUser('a3'));
    const error = await store
      .importRoster({
        groupNames: ['新组'],
        accounts: ['a1', 'a2', 'a3'].map((username) => ({
          username,
          name: username,
          role: Role.member,
          passwordHash: 'h',
          groupNames: ['新组'],
        })),
      })
      .catch((thrown: unknown) => thrown);
    expect(error).toMatchObject({ conflict: 'username', values: ['a1', 'a3'] });
    expect(await store.countUsers()).toBe(2);
    expect(await store.listGroups()).toEqual([]);
  });

  it('keeps working while another connection holds a read transaction on the file', async () => {
    const file = tempDbPath();
    const store = openStore(file);
    const other = new Database(file);
    const reader = other.prepare('SELECT count(*) AS n FROM users');
    other.exec('BEGIN');
    reader.get();
    try {
      await store.createUser(newUser('while.reading'));
      expect(await store.countUsers()).toBe(1);
      expect(reader.get()).toEqual({ n: 0 });
    } finally {
      other.exec('COMMIT');
      other.close();
    }
  });

  it('refuses every call once closed', async () => {
    const store = openStore();
    await store.close();
    await expect(store.countUsers()).rejects.toThrow(/workspace store is closed/);
  });
});
