import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { UnitId } from '../../shared/domain/ids';
import { Role } from '../../shared/index';
import { hashToken, newToken } from '../auth/tokens';
import type { AccountStore } from './AccountStore';
import type { GroupStore } from './GroupStore';
import { newGroupId, newUser, newUserId, type OpenRecordStores, type RecordStoresHarness } from './recordStoresHarness';
import { WorkspaceConflictError } from './WorkspaceConflictError';

/** The behaviour every AccountStore adapter must show; each adapter's test runs it. */
export function describeAccountStoreContract(name: string, open: OpenRecordStores): void {
  describe(`${name} (AccountStore contract)`, () => {
    let harness: RecordStoresHarness;
    let store: AccountStore;
    let groups: GroupStore;

    beforeEach(async () => {
      harness = await open();
      store = harness.accounts;
      groups = harness.groups;
    });
    afterEach(() => harness.dispose());

    it('creates accounts with their groups and finds them by id and username', async () => {
      const group = await groups.createGroup({ id: newGroupId(), name: '经济界', createdAt: 1 });
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
      expect((await groups.getGroup(group.id))?.memberIds).toEqual([created.id]);
      expect(await store.findUserByUsername('nobody')).toBeNull();
      expect((await store.listUsers()).map((user) => user.username)).toEqual(['li.ming']);
    });

    it('refuses a taken username with a conflict that names it', async () => {
      await store.createUser(newUser('wang'));
      const error = await store.createUser(newUser('wang')).catch((thrown: unknown) => thrown);
      expect(error).toBeInstanceOf(WorkspaceConflictError);
      expect(error).toMatchObject({ conflict: 'username', values: ['wang'] });
      expect(await store.countUsers()).toBe(1);
    });

    it('completes the setup once, only with the current setup secret', async () => {
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
      expect(await store.setUserActive(newUserId(), false)).toBeNull();
    });

    it('deletes expired sessions only', async () => {
      const user = await store.createUser(newUser('sun'));
      const [old, fresh] = [hashToken(newToken()), hashToken(newToken())];
      await store.createSession({ tokenHash: old, userId: user.id, createdAt: 1, expiresAt: 100 });
      await store.createSession({ tokenHash: fresh, userId: user.id, createdAt: 1, expiresAt: 300 });
      expect(await store.deleteExpiredSessions(200)).toBe(1);
      expect(await store.findSession(fresh)).not.toBeNull();
      await store.deleteSession(fresh);
      expect(await store.findSession(fresh)).toBeNull();
    });

    it("stores API tokens by hash, lists the working ones and revokes only the owner's", async () => {
      const owner = await store.createUser(newUser('qian'));
      const other = await store.createUser(newUser('zhou'));
      const tokenHash = hashToken(newToken());
      const record = await store.createApiToken({
        id: 'tok-1',
        userId: owner.id,
        name: '脚本',
        tokenHash,
        createdAt: 5,
        expiresAt: 1_000,
      });

      expect(await store.findApiToken(tokenHash)).toEqual(record);
      expect(record.expiresAt).toBe(1_000);
      await store.touchApiToken('tok-1', 9);
      expect((await store.listApiTokens(owner.id)).map((t) => [t.name, t.lastUsedAt])).toEqual([['脚本', 9]]);
      expect(await store.revokeApiToken(other.id, 'tok-1', 10)).toBe(false);
      expect(await store.revokeApiToken(owner.id, 'tok-1', 10)).toBe(true);
      expect(await store.listApiTokens(owner.id)).toEqual([]);
      expect((await store.findApiToken(tokenHash))?.revokedAt).toBe(10);
    });

    it('lets one person join through an invitation, once, before it expires', async () => {
      const admin = await store.createUser(newUser('admin', { role: Role.secretariat }));
      const group = await groups.createGroup({ id: newGroupId(), name: 'g', createdAt: 1 });
      const tokenHash = hashToken(newToken());
      const invitation = await store.createInvitation({
        id: 'inv-1',
        tokenHash,
        role: Role.convener,
        groupIds: [group.id],
        unitId: null,
        createdBy: admin.id,
        createdAt: 100,
        expiresAt: 200,
      });
      expect(await store.findInvitation(tokenHash)).toEqual(invitation);
      expect(await store.listOpenInvitations(150)).toEqual([invitation]);
      expect(await store.listOpenInvitations(200)).toEqual([]);

      expect(await store.acceptInvitation('inv-1', newUser('late'), 200)).toEqual({ kind: 'gone' });
      await expect(store.acceptInvitation('inv-1', newUser('admin'), 150)).rejects.toBeInstanceOf(
        WorkspaceConflictError,
      );
      const joined = await store.acceptInvitation('inv-1', newUser('chen'), 150);
      expect(joined).toMatchObject({
        kind: 'created',
        user: { username: 'chen', role: 'convener', groupIds: [group.id] },
      });
      expect((await groups.getGroup(group.id))?.memberIds).toHaveLength(1);
      expect(await store.acceptInvitation('inv-1', newUser('again'), 150)).toEqual({ kind: 'gone' });
      expect(await store.findInvitation(tokenHash)).toMatchObject({ usedAt: 150 });
      expect(await store.listOpenInvitations(150)).toEqual([]);
    });

    it('gives the account joining through a handling unit’s invitation that unit', async () => {
      const admin = await store.createUser(newUser('admin', { role: Role.secretariat }));
      const unitId = randomUUID() as UnitId;
      await store.createInvitation({
        id: 'inv-unit',
        tokenHash: hashToken(newToken()),
        role: Role.unit,
        groupIds: [],
        unitId,
        createdBy: admin.id,
        createdAt: 100,
        expiresAt: 200,
      });
      const joined = await store.acceptInvitation('inv-unit', newUser('shuiwu'), 150);
      expect(joined).toMatchObject({ kind: 'created', user: { role: 'unit', unitId, groupIds: [] } });
      const user = joined.kind === 'created' ? await store.getUser(joined.user.id) : null;
      expect(user?.unitId).toBe(unitId);
      expect((await store.getUser(admin.id))?.unitId).toBeNull();
    });

    it('imports a roster in one transaction: groups by name, accounts that must change their password', async () => {
      const existing = await groups.createGroup({ id: newGroupId(), name: '经济界', createdAt: 1 });
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
      expect((await groups.listGroups()).map((g) => [g.name, g.memberIds.length]).sort()).toEqual(
        [
          ['教育界', 2],
          ['经济界', 1],
        ].sort(),
      );
    });

    it('writes nothing of a roster whose usernames are taken, and names them all', async () => {
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
      expect(await groups.listGroups()).toEqual([]);
    });

    it('makes a server secret once and gives the same one ever after', async () => {
      const first = await store.serverSecret('deviceKeys', () => 'aa');
      expect(first).toBe('aa');
      expect(await store.serverSecret('deviceKeys', () => 'bb')).toBe('aa');
      expect(await store.serverSecret('other', () => 'cc')).toBe('cc');
    });

    it('gives another store on the same database the server secret the first one made', async (context) => {
      const openAccounts = harness.openAccounts;
      if (openAccounts === undefined) {
        context.skip('the memory adapter shares no database');
        return;
      }
      const made = await store.serverSecret('device_keys', () => 'ab12');
      const other = await openAccounts();
      expect(await other.serverSecret('device_keys', () => 'cd34')).toBe(made);
    });

    it('lets one of two stores racing on the same database make a secret and take a username', async (context) => {
      const openAccounts = harness.openAccounts;
      if (openAccounts === undefined) {
        context.skip('the memory adapter shares no database');
        return;
      }
      const other = await openAccounts();
      const secrets = await Promise.all([
        store.serverSecret('race', () => 'first'),
        other.serverSecret('race', () => 'second'),
      ]);
      expect(new Set(secrets).size).toBe(1);

      const attempts = [store, other, store, other, store, other];
      const outcomes = await Promise.allSettled(attempts.map((accounts) => accounts.createUser(newUser('racer'))));
      expect(outcomes.filter((outcome) => outcome.status === 'fulfilled')).toHaveLength(1);
      for (const outcome of outcomes) {
        if (outcome.status === 'rejected') {
          expect(outcome.reason).toBeInstanceOf(WorkspaceConflictError);
        }
      }
      expect(await store.countUsers()).toBe(1);
    });

    // ---- Account recovery ----

    it('revokes every working API token of one person, and only theirs', async () => {
      const owner = await store.createUser(newUser('qian'));
      const other = await store.createUser(newUser('zhou'));
      const token = (id: string, userId: typeof owner.id, expiresAt = 99) =>
        store.createApiToken({ id, userId, name: id, tokenHash: hashToken(newToken()), createdAt: 1, expiresAt });
      await token('a', owner.id);
      await token('b', owner.id);
      await token('c', other.id);
      await token('expired', owner.id, 3);
      await store.revokeApiToken(owner.id, 'a', 2);
      // The expired one had stopped working already: not counted, still listed as it was.
      expect(await store.revokeApiTokensOf(owner.id, 3)).toBe(1);
      expect((await store.listApiTokens(owner.id)).map((t) => [t.id, t.revokedAt])).toEqual([['expired', null]]);
      expect((await store.listApiTokens(other.id)).map((t) => t.id)).toEqual(['c']);
      expect(await store.revokeApiTokensOf(owner.id, 4)).toBe(0);
    });

    it('changes a role, and answers null for nobody', async () => {
      const person = await store.createUser(newUser('wu'));
      expect(await store.setUserRole(person.id, Role.convener)).toMatchObject({ role: 'convener' });
      expect((await store.getUser(person.id))?.role).toBe('convener');
      expect(await store.setUserRole(newUserId(), Role.chair)).toBeNull();
    });

    it('revokes an open invitation: it is no longer listed and nobody can join through it', async () => {
      const admin = await store.createUser(newUser('admin', { role: Role.secretariat }));
      const tokenHash = hashToken(newToken());
      await store.createInvitation({
        id: 'inv-2',
        tokenHash,
        role: Role.member,
        groupIds: [],
        unitId: null,
        createdBy: admin.id,
        createdAt: 100,
        expiresAt: 200,
      });
      expect(await store.revokeInvitation('inv-2', 120)).toBe(true);
      expect(await store.revokeInvitation('inv-2', 121)).toBe(false);
      expect(await store.findInvitation(tokenHash)).toMatchObject({ revokedAt: 120, usedAt: null });
      expect(await store.listOpenInvitations(150)).toEqual([]);
      expect(await store.acceptInvitation('inv-2', newUser('late'), 150)).toEqual({ kind: 'gone' });
      expect(await store.revokeInvitation('nothing', 150)).toBe(false);
    });

    it('refuses every call once closed', async () => {
      await store.close();
      await expect(store.countUsers()).rejects.toThrow(/account store is closed/);
      await expect(store.findSession(hashToken(newToken()))).rejects.toThrow(/closed/);
    });
  });
}
