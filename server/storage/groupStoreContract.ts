import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { GroupStore } from './GroupStore';
import { newGroupId, newUser, type OpenRecordStores, type RecordStoresHarness } from './recordStoresHarness';
import { WorkspaceConflictError } from './WorkspaceConflictError';

/** The behaviour every GroupStore adapter must show; each adapter's test runs it. */
export function describeGroupStoreContract(name: string, open: OpenRecordStores): void {
  describe(`${name} (GroupStore contract)`, () => {
    let harness: RecordStoresHarness;
    let store: GroupStore;

    beforeEach(async () => {
      harness = await open();
      store = harness.groups;
    });
    afterEach(() => harness.dispose());

    it('creates, renames and lists groups, refusing a taken name', async () => {
      const a = await store.createGroup({ id: newGroupId(), name: '农业界', createdAt: 1 });
      const b = await store.createGroup({ id: newGroupId(), name: '教育界', createdAt: 2 });
      expect(a).toEqual({ id: a.id, name: '农业界', createdAt: 1, memberIds: [] });
      await expect(store.createGroup({ id: newGroupId(), name: '农业界', createdAt: 3 })).rejects.toBeInstanceOf(
        WorkspaceConflictError,
      );
      await expect(store.renameGroup(b.id, '农业界')).rejects.toMatchObject({ conflict: 'group_name' });
      expect(await store.renameGroup(a.id, '农业农村界')).toMatchObject({ name: '农业农村界' });
      expect(await store.renameGroup(a.id, '农业农村界')).toMatchObject({ name: '农业农村界' });
      expect(await store.renameGroup(newGroupId(), 'x')).toBeNull();
      expect((await store.listGroups()).map((g) => g.name).sort()).toEqual(['农业农村界', '教育界'].sort());
      expect(await store.getGroup(b.id)).toEqual(b);
      expect(await store.getGroup(newGroupId())).toBeNull();
    });

    it('adds and removes members idempotently', async () => {
      const group = await store.createGroup({ id: newGroupId(), name: 'g', createdAt: 1 });
      const user = await harness.accounts.createUser(newUser('wu'));
      await store.addMember(group.id, user.id);
      expect((await store.addMember(group.id, user.id))?.memberIds).toEqual([user.id]);
      expect((await harness.accounts.getUser(user.id))?.groupIds).toEqual([group.id]);
      expect((await store.removeMember(group.id, user.id))?.memberIds).toEqual([]);
      expect((await store.removeMember(group.id, user.id))?.memberIds).toEqual([]);
      expect(await store.addMember(newGroupId(), user.id)).toBeNull();
      expect(await store.removeMember(newGroupId(), user.id)).toBeNull();
    });

    it('refuses every call once closed', async () => {
      await store.close();
      await expect(store.listGroups()).rejects.toThrow(/group store is closed/);
    });
  });
}
