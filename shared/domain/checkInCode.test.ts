import { describe, expect, it } from 'vitest';
import { activityCheckInKey, CHECK_IN_STEP_MS, signCheckInCode, verifyCheckInCode } from './checkInCode';

const SECRET = new TextEncoder().encode('the server secret of this committee');
const ACTIVITY = '1f0c7d1e-2a3b-4c5d-8e9f-0a1b2c3d4e5f';
const OTHER = '2f0c7d1e-2a3b-4c5d-8e9f-0a1b2c3d4e5f';
const OPENS = Date.UTC(2026, 11, 4, 1, 0);
const CLOSES = OPENS + 3 * 60 * 60 * 1000;
const window = { id: ACTIVITY, opensAt: OPENS, closesAt: CLOSES };

describe('check-in codes (C1-C3)', () => {
  it('C1: accepts a code shown during the window, however late it arrives, and says when it was shown', async () => {
    const key = await activityCheckInKey(SECRET, ACTIVITY);
    const shownAt = OPENS + 20 * 60 * 1000 + 12_345;
    const code = await signCheckInCode(key, ACTIVITY, shownAt);
    // Verifying involves no clock: three days later it is the same verdict.
    expect(await verifyCheckInCode(key, code, window)).toEqual({
      ok: true,
      shownAt: Math.floor(shownAt / CHECK_IN_STEP_MS) * CHECK_IN_STEP_MS,
    });
  });

  it('C2: refuses a made-up or altered code, and one signed with another activity’s key', async () => {
    const key = await activityCheckInKey(SECRET, ACTIVITY);
    const code = await signCheckInCode(key, ACTIVITY, OPENS + 60_000);
    const [id, shown, signature = ''] = code.split('.');
    const altered = `${id}.${Number(shown) + CHECK_IN_STEP_MS}.${signature}`;
    expect(await verifyCheckInCode(key, altered, window)).toEqual({ ok: false, refusal: 'forged' });
    const flipped = `${id}.${shown}.${signature.slice(0, -1)}${signature.endsWith('A') ? 'B' : 'A'}`;
    expect(await verifyCheckInCode(key, flipped, window)).toEqual({ ok: false, refusal: 'forged' });
    const otherKey = await activityCheckInKey(new TextEncoder().encode('another server'), ACTIVITY);
    const foreign = await signCheckInCode(otherKey, ACTIVITY, OPENS + 60_000);
    expect(await verifyCheckInCode(key, foreign, window)).toEqual({ ok: false, refusal: 'forged' });
    expect(await verifyCheckInCode(key, 'not a code', window)).toEqual({ ok: false, refusal: 'malformed' });
  });

  it('C3: refuses a code of another activity, and one shown before the window opened or after it closed', async () => {
    const otherKey = await activityCheckInKey(SECRET, OTHER);
    const theirs = await signCheckInCode(otherKey, OTHER, OPENS + 60_000);
    const key = await activityCheckInKey(SECRET, ACTIVITY);
    expect(await verifyCheckInCode(key, theirs, window)).toEqual({ ok: false, refusal: 'other_activity' });
    const early = await signCheckInCode(key, ACTIVITY, OPENS - 2 * CHECK_IN_STEP_MS);
    expect(await verifyCheckInCode(key, early, window)).toEqual({ ok: false, refusal: 'outside_window' });
    // A code photographed at the venue and replayed for next week's session of the same activity is too old.
    const replayed = await signCheckInCode(key, ACTIVITY, OPENS + 60_000);
    const nextWeek = { ...window, opensAt: OPENS + 7 * 24 * 3600_000, closesAt: CLOSES + 7 * 24 * 3600_000 };
    expect(await verifyCheckInCode(key, replayed, nextWeek)).toEqual({ ok: false, refusal: 'outside_window' });
    const late = await signCheckInCode(key, ACTIVITY, CLOSES + CHECK_IN_STEP_MS);
    expect(await verifyCheckInCode(key, late, window)).toEqual({ ok: false, refusal: 'outside_window' });
  });
});
