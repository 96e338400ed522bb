/**
 * The check-in code an organiser's phone shows at an activity's venue (docs/RULES.md C1-C3): the
 * activity, the moment it was shown, and an HMAC-SHA256 over both with the activity's own key.
 * The phone signs offline with the key the server gave it for that activity; a member's device
 * keeps the code it scanned and sends it whenever it is online again, and the server verifies it
 * with the same key. Whether the check-in counts depends on when the code was shown (signed), not
 * on when it arrives nor on any device's clock. WebCrypto, so that both sides run it.
 */

/** A code changes this often on the organiser's screen: a photo of it soon stops matching the moment. */
export const CHECK_IN_STEP_MS = 30_000;

/** How a check-in code is refused. */
export const CheckInRefusal = {
  /** Not a code of this form at all. */
  malformed: 'malformed',
  /** The signature does not match: made up, or altered. */
  forged: 'forged',
  /** A code of another activity. */
  otherActivity: 'other_activity',
  /** Shown before the check-in opened or after it closed: an old code replayed, say. */
  outsideWindow: 'outside_window',
} as const;
export type CheckInRefusal = (typeof CheckInRefusal)[keyof typeof CheckInRefusal];

export type CheckInVerdict =
  | { readonly ok: true; readonly shownAt: number }
  | { readonly ok: false; readonly refusal: CheckInRefusal };

const CODE_PATTERN = /^([0-9a-f-]{36})\.(\d{1,15})\.([A-Za-z0-9_-]{43})$/;

function base64Url(bytes: Uint8Array): string {
  let binary = '';
  for (const byte of bytes) {
    binary += String.fromCharCode(byte);
  }
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

async function hmac(key: Uint8Array, message: string): Promise<Uint8Array> {
  const raw = new Uint8Array(key);
  const imported = await crypto.subtle.importKey('raw', raw, { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
  return new Uint8Array(await crypto.subtle.sign('HMAC', imported, new TextEncoder().encode(message)));
}

/** The key of one activity's codes, derived from the server's secret: what the organiser's phone is given. */
export function activityCheckInKey(serverSecret: Uint8Array, activityId: string): Promise<Uint8Array> {
  return hmac(serverSecret, `jianyan check-in key\u0000${activityId}`);
}

/** The code shown at `shownAt` (rounded down to its step), signed with the activity's key. */
export async function signCheckInCode(activityKey: Uint8Array, activityId: string, shownAt: number): Promise<string> {
  const step = Math.floor(shownAt / CHECK_IN_STEP_MS) * CHECK_IN_STEP_MS;
  const signature = await hmac(activityKey, `${activityId}.${step}`);
  return `${activityId}.${step}.${base64Url(signature)}`;
}

/** Compares two strings in time that does not depend on where they differ. */
function sameText(a: string, b: string): boolean {
  let difference = a.length ^ b.length;
  for (let index = 0; index < Math.max(a.length, b.length); index += 1) {
    difference |= (a.charCodeAt(index) || 0) ^ (b.charCodeAt(index) || 0);
  }
  return difference === 0;
}

/**
 * C1-C3: whether a scanned code checks a member in to `activityId`, whose check-in is open from
 * `opensAt` to `closesAt`: genuine (signed with the activity's key), of this activity, and shown
 * within the window. When it arrives does not matter.
 */
export async function verifyCheckInCode(
  activityKey: Uint8Array,
  code: string,
  activity: { readonly id: string; readonly opensAt: number; readonly closesAt: number },
): Promise<CheckInVerdict> {
  const match = CODE_PATTERN.exec(code);
  if (match === null) {
    return { ok: false, refusal: CheckInRefusal.malformed };
  }
  const [, activityId = '', shownText = '', signature = ''] = match;
  const shownAt = Number(shownText);
  // A code of another activity is refused whoever signed it: this activity's key cannot tell.
  if (activityId !== activity.id) {
    return { ok: false, refusal: CheckInRefusal.otherActivity };
  }
  const expected = base64Url(await hmac(activityKey, `${activityId}.${shownAt}`));
  if (!sameText(expected, signature)) {
    return { ok: false, refusal: CheckInRefusal.forged };
  }
  if (shownAt + CHECK_IN_STEP_MS <= activity.opensAt || shownAt > activity.closesAt) {
    return { ok: false, refusal: CheckInRefusal.outsideWindow };
  }
  return { ok: true, shownAt };
}
