import { pinyin } from 'pinyin-pro';
import { USERNAME_PATTERN } from '../../shared/api/schemas';

/** What a name makes when it has no letters or digits that a username may hold. */
const FALLBACK_USERNAME = 'user';
/** Room for a number suffix within the 32 characters a username may have. */
const MAX_BASE_LENGTH = 28;

/**
 * A username made from a person's name, for a roster line that gives none: the pinyin of the
 * name without tones, in lowercase letters and digits only (林国栋 → linguodong, 吕 → lv). When
 * `isTaken` says it is taken (by an account or by an earlier line), a number is added:
 * linguodong2, linguodong3, …
 */
export function usernameFromName(name: string, isTaken: (username: string) => boolean): string {
  const spelled = pinyin(name, { toneType: 'none', type: 'array', v: true, nonZh: 'consecutive' })
    .join('')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '')
    .slice(0, MAX_BASE_LENGTH);
  const base = USERNAME_PATTERN.test(spelled) ? spelled : `${FALLBACK_USERNAME}${spelled}`.slice(0, MAX_BASE_LENGTH);
  if (!isTaken(base)) {
    return base;
  }
  for (let suffix = 2; ; suffix += 1) {
    const candidate = `${base}${suffix}`;
    if (!isTaken(candidate)) {
      return candidate;
    }
  }
}
