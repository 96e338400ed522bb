import type { UserId } from '../../../shared';
import type { Activity } from '../../../shared/domain/activities';
import { parseDocId } from '../../../shared/domain/ids';
import type { ApiClient } from '../api';
import type { Diagnostics } from '../diagnostics';
import { ClientError, ClientErrorCode, hasErrorCode } from '../errors';
import { createStore, type Store } from '../lib';
import { type Outbox, OutboxOp } from '../outbox';
import type { DeviceStore } from '../storage';
import { base64UrlBytes } from './base64Url';

export interface ActivitiesSnapshot {
  /** Whether the device's copy was read at least once. */
  readonly isLoaded: boolean;
  /** The account's activities, as the server last answered them (soonest first). */
  readonly activities: readonly Activity[];
  /** When the list was last fetched; null before the first fetch on this device. */
  readonly fetchedAt: number | null;
}

export interface ActivitiesRuntimeOptions {
  readonly userId: UserId;
  readonly api: Pick<ApiClient, 'activities'>;
  readonly store: Pick<DeviceStore, 'activityCache'>;
  readonly outbox: Pick<Outbox, 'enqueue' | 'register'>;
  /** Whether the account is signed in now (not expired): only then is the server asked. */
  readonly isSignedIn: () => boolean;
  readonly isOnline: () => boolean;
  readonly diagnostics: Diagnostics;
  readonly now?: () => number;
}

/** The fields of a new activity, as `POST /api/activities` takes them. */
export type NewActivity = Parameters<ApiClient['activities']['create']>[0];

/**
 * The outbox queues rows by the id of what they change. An activity's id is a UUID like a
 * document's, so its rows (the list, a check-in) queue per activity the same way.
 */
function outboxKeyOf(activityId: string) {
  const key = parseDocId(activityId);
  if (key === null) {
    throw new ClientError({ code: ClientErrorCode.invalidInput, message: `No activity ${activityId}`, field: 'id' });
  }
  return key;
}

function soonestFirst(a: Activity, b: Activity): number {
  return a.startsAt - b.startsAt;
}

/**
 * The account's activities (会议与活动, RULES.md V1-V5, C1-C3): the list kept on the device (read
 * offline), answers and leave decisions sent at once, and the organiser's list and members'
 * check-ins queued in the outbox, so that both work at a venue with no network. The check-in
 * keys of the activities the account organises are kept on the device while online.
 */
export class ActivitiesRuntime {
  readonly state: Store<ActivitiesSnapshot> = createStore<ActivitiesSnapshot>({
    isLoaded: false,
    activities: [],
    fetchedAt: null,
  });
  readonly #options: ActivitiesRuntimeOptions;

  constructor(options: ActivitiesRuntimeOptions) {
    this.#options = options;
    const { outbox, api } = options;
    outbox.register(OutboxOp.attendance, {
      send: async (row, context) => {
        if (!context.claim()) {
          throw new ClientError({ code: ClientErrorCode.cancelled, message: 'The list was taken back' });
        }
        await this.#merge(await api.activities.putAttendance(row.docId, row.payload.attendedIds));
      },
    });
    outbox.register(OutboxOp.checkIn, {
      send: async (row, context) => {
        if (!context.claim()) {
          throw new ClientError({ code: ClientErrorCode.cancelled, message: 'The check-in was taken back' });
        }
        await this.#merge(await api.activities.checkIn(row.docId, row.payload.code));
      },
    });
  }

  /** Reads the device's copy. Returns a stop function. */
  start(): () => void {
    const { store, diagnostics } = this.#options;
    store.activityCache.readList().then(
      (cached) => {
        // A fetch that answered meanwhile is newer than the device's copy.
        if (this.state.getSnapshot().fetchedAt === null && cached !== null) {
          this.#publish(cached.activities, cached.fetchedAt);
        } else {
          this.state.update((current) => ({ ...current, isLoaded: true }));
        }
      },
      (err: unknown) => {
        diagnostics.report('activities.readCache', err);
        this.state.update((current) => ({ ...current, isLoaded: true }));
      },
    );
    return () => {};
  }

  /**
   * Fetches the list and keeps it on the device, with the check-in keys of the coming activities
   * the account organises. Rejects when the server cannot be asked (offline): the copy stays.
   */
  async refresh(): Promise<void> {
    const { api, store, isSignedIn, diagnostics } = this.#options;
    if (!isSignedIn()) {
      throw new ClientError({ code: ClientErrorCode.unauthorized, message: 'Sign in to fetch the activities' });
    }
    const activities = await api.activities.list();
    const fetchedAt = this.#now();
    this.#publish(activities, fetchedAt);
    await store.activityCache.saveList(activities, fetchedAt).catch((err: unknown) => {
      diagnostics.report('activities.saveCache', err);
    });
    await this.#keepOwnKeys(activities);
  }

  /** Creates an activity (online): the server answers it, and it joins the list. */
  async create(input: NewActivity): Promise<Activity> {
    const activity = await this.#options.api.activities.create(input);
    await this.#merge(activity);
    return activity;
  }

  /** 参加, or 请假 with a reason (online). */
  async respond(activityId: string, answer: { answer: 'attend' } | { answer: 'leave'; reason: string }) {
    await this.#merge(await this.#options.api.activities.respond(activityId, answer));
  }

  /** The organiser approves or refuses a leave request (online). */
  async decideLeave(activityId: string, userId: UserId, approve: boolean): Promise<void> {
    await this.#merge(await this.#options.api.activities.decideLeave(activityId, userId, approve));
  }

  /** Keeps the organiser's ticked list on the device and sends it when online; a newer list replaces a queued one. */
  async queueAttendance(activityId: string, attendedIds: readonly UserId[]): Promise<void> {
    const payload = { attendedIds: [...attendedIds] };
    await this.#options.outbox.enqueue(
      { op: OutboxOp.attendance, docId: outboxKeyOf(activityId), payload },
      { replaces: (row) => row.op === OutboxOp.attendance },
    );
  }

  /** Keeps a scanned code on the device and sends it when online; the same code twice is queued once. */
  async queueCheckIn(activityId: string, code: string): Promise<void> {
    const trimmed = code.trim();
    await this.#options.outbox.enqueue(
      { op: OutboxOp.checkIn, docId: outboxKeyOf(activityId), payload: { code: trimmed } },
      {
        unlessQueued: (row) => row.op === OutboxOp.checkIn && sameCode(row.payload, trimmed) && !row.isRefused,
        // An earlier code of the same activity that was refused gives way to the new one.
        replaces: (row) => row.op === OutboxOp.checkIn && row.isRefused,
      },
    );
  }

  /**
   * The key to sign an activity's check-in codes with: the device's copy, else fetched (online)
   * and kept. Null when the device has none and cannot ask.
   */
  async checkInKey(activityId: string): Promise<Uint8Array | null> {
    const { store, api, isOnline, isSignedIn } = this.#options;
    const kept = await store.activityCache.readCheckInKey(activityId);
    if (kept !== null) {
      return base64UrlBytes(kept);
    }
    if (!isOnline() || !isSignedIn()) {
      return null;
    }
    const key = await api.activities.checkInKey(activityId);
    await store.activityCache.saveCheckInKey(activityId, key);
    return base64UrlBytes(key);
  }

  /** Keeps the keys of the coming activities the account organises, so that codes are signed offline. */
  async #keepOwnKeys(activities: readonly Activity[]): Promise<void> {
    const now = this.#now();
    const own = activities.filter((each) => each.organizerId === this.#options.userId && each.endsAt > now);
    for (const activity of own) {
      try {
        await this.checkInKey(activity.id);
      } catch (err) {
        if (!hasErrorCode(err, ClientErrorCode.network, ClientErrorCode.unauthorized)) {
          this.#options.diagnostics.report('activities.checkInKey', err);
        }
      }
    }
  }

  /** An activity as the server answered it, in the list and on the device. */
  async #merge(activity: Activity): Promise<void> {
    const current = this.state.getSnapshot();
    const others = current.activities.filter((each) => each.id !== activity.id);
    const fetchedAt = current.fetchedAt ?? this.#now();
    this.#publish([...others, activity], fetchedAt);
    await this.#options.store.activityCache
      .saveList(this.state.getSnapshot().activities, fetchedAt)
      .catch((err: unknown) => this.#options.diagnostics.report('activities.saveCache', err));
  }

  #publish(activities: readonly Activity[], fetchedAt: number): void {
    this.state.set({ isLoaded: true, activities: [...activities].sort(soonestFirst), fetchedAt });
  }

  #now(): number {
    return (this.#options.now ?? Date.now)();
  }
}

/** Whether a stored row's payload (not yet checked against its operation) carries this code. */
function sameCode(payload: unknown, code: string): boolean {
  return typeof payload === 'object' && payload !== null && (payload as { code?: unknown }).code === code;
}
