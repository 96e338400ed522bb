import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import type { UserId } from '../../../shared';
import type { Activity } from '../../../shared/domain/activities';
import { openTestStore } from '../../test/testStore';
import { waitUntil } from '../../test/waitUntil';
import type { ApiClient } from '../api';
import { createDiagnostics } from '../diagnostics';
import { ClientError, ClientErrorCode } from '../errors';
import { Outbox } from '../outbox';
import type { DexieDeviceStore } from '../storage';
import { ActivitiesRuntime } from './ActivitiesRuntime';

const organiser = '0b6f7c1e-3d2a-4f5b-8c9d-1e2f3a4b5c6d' as UserId;
const member = '7a8b9c0d-1e2f-4a3b-9c5d-6e7f8a9b0c1d' as UserId;
const ACTIVITY_ID = '6f1c3a52-8b0e-4c1d-9a57-2f4e6b8d0c13';
const KEY = 'AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8';

function activity(change: Partial<Activity> = {}): Activity {
  return {
    id: ACTIVITY_ID,
    kind: 'research',
    title: '中小企业调研',
    place: '工业园',
    startsAt: Date.now() - 60_000,
    endsAt: Date.now() + 3_600_000,
    groupId: null,
    organizerId: organiser,
    inviteeIds: [organiser, member],
    responses: [],
    attendance: [],
    createdAt: 0,
    version: 1,
    ...change,
  };
}

/** The activity routes as a server that may be out of reach answers them. */
class FakeActivityRoutes {
  isOnline = true;
  readonly lists: (readonly UserId[])[] = [];
  readonly codes: string[] = [];

  #reach(): void {
    if (!this.isOnline) {
      throw new ClientError({ code: ClientErrorCode.network, message: 'offline' });
    }
  }

  readonly activities = {
    list: async () => {
      this.#reach();
      return [activity()];
    },
    checkInKey: async () => {
      this.#reach();
      return KEY;
    },
    putAttendance: async (_id: string, attendedIds: readonly UserId[]) => {
      this.#reach();
      this.lists.push(attendedIds);
      return activity({
        attendance: [organiser, member].map((userId) => ({
          userId,
          presence: attendedIds.includes(userId) ? ('attended' as const) : ('absent' as const),
          via: 'list' as const,
          at: 1,
        })),
      });
    },
    checkIn: async (_id: string, code: string) => {
      this.#reach();
      this.codes.push(code);
      if (code === 'forged') {
        throw new ClientError({
          code: ClientErrorCode.badRequest,
          status: 400,
          message: 'code: the check-in code is refused (forged)',
          reason: 'forged',
        });
      }
      return activity({ attendance: [{ userId: member, presence: 'attended', via: 'code', at: 1 }] });
    },
  };
}

describe('ActivitiesRuntime (V3, V4, C1-C3 on the device)', () => {
  const stores: DexieDeviceStore[] = [];
  const stops: (() => void)[] = [];

  afterEach(async () => {
    for (const stop of stops.splice(0)) {
      stop();
    }
    await Promise.all(stores.splice(0).map((store) => store.delete()));
  });

  function start(userId: UserId, routes: FakeActivityRoutes, store = openTestStore()) {
    if (!stores.includes(store)) {
      stores.push(store);
    }
    const diagnostics = createDiagnostics();
    const outbox = new Outbox({ rows: store.outbox, userId, canSend: () => true, diagnostics });
    const runtime = new ActivitiesRuntime({
      userId,
      api: routes as unknown as Pick<ApiClient, 'activities'>,
      store,
      outbox,
      isSignedIn: () => true,
      isOnline: () => routes.isOnline,
      diagnostics,
    });
    stops.push(outbox.start(), runtime.start());
    return { runtime, outbox, store };
  }

  it('keeps a list ticked offline on the device, a newer one replacing it, and sends the last once online', async () => {
    const routes = new FakeActivityRoutes();
    const { runtime, outbox, store } = start(organiser, routes);
    await runtime.refresh();
    routes.isOnline = false;
    await runtime.queueAttendance(ACTIVITY_ID, [organiser]);
    await runtime.queueAttendance(ACTIVITY_ID, [organiser, member]);
    await waitUntil(() => outbox.summary.getSnapshot().pending === 1);
    expect(routes.lists).toEqual([]);

    // The app opened again offline: the list and the queued row are read from the device.
    for (const stop of stops.splice(0)) {
      stop();
    }
    const again = start(organiser, routes, store);
    await waitUntil(() => again.runtime.state.getSnapshot().activities.length === 1);
    await waitUntil(() => again.outbox.state.getSnapshot().rows.length === 1);
    expect(again.outbox.state.getSnapshot().rows[0]?.payload).toEqual({ attendedIds: [organiser, member] });

    routes.isOnline = true;
    again.outbox.onOnline();
    await waitUntil(() => again.outbox.summary.getSnapshot().pending === 0);
    expect(routes.lists).toEqual([[organiser, member]]);
    expect(again.runtime.state.getSnapshot().activities[0]?.attendance).toHaveLength(2);
  });

  it('C1: keeps the check-in key of an activity it organises, so that codes are signed offline', async () => {
    const routes = new FakeActivityRoutes();
    const { runtime, store } = start(organiser, routes);
    await runtime.refresh();
    routes.isOnline = false;
    const offline = start(organiser, routes, store);
    const key = await offline.runtime.checkInKey(ACTIVITY_ID);
    expect(key).toHaveLength(32);
    expect(key?.[31]).toBe(31);
    expect(await offline.runtime.checkInKey('6f1c3a52-0000-4c1d-9a57-2f4e6b8d0c13')).toBeNull();
  });

  it('V4, C2: queues the same code once, keeps a refusal with its reason, and records a check-in', async () => {
    const routes = new FakeActivityRoutes();
    routes.isOnline = false;
    const { runtime, outbox } = start(member, routes);
    await runtime.queueCheckIn(ACTIVITY_ID, 'forged');
    await runtime.queueCheckIn(ACTIVITY_ID, ' forged ');
    await waitUntil(() => outbox.summary.getSnapshot().pending === 1);
    routes.isOnline = true;
    outbox.onOnline();
    await waitUntil(() => outbox.summary.getSnapshot().problems.length === 1);
    expect(outbox.state.getSnapshot().rows[0]?.lastError).toMatchObject({ status: 400, reason: 'forged' });

    // A new code replaces the refused one and is accepted.
    await runtime.queueCheckIn(ACTIVITY_ID, 'genuine');
    await waitUntil(() => outbox.state.getSnapshot().rows.length === 0);
    expect(routes.codes).toEqual(['forged', 'genuine']);
    expect(runtime.state.getSnapshot().activities[0]?.attendance).toEqual([
      { userId: member, presence: 'attended', via: 'code', at: 1 },
    ]);
  });
});
