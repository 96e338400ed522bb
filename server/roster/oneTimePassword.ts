import { randomInt } from 'node:crypto';

/**
 * Letters and digits that cannot be mistaken for one another when read aloud or copied from
 * paper: no 0/o, 1/l/i, and lowercase only so that nobody has to ask about capitals.
 */
const ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789';
/** Three groups of four: 12 characters, about 59 bits, easy to read out in chunks. */
const GROUP_COUNT = 3;
const GROUP_LENGTH = 4;

/**
 * A random password to hand to a person once (for example `k7mp-x3qa-9tdr`); they are asked to
 * choose their own after signing in.
 */
export function oneTimePassword(): string {
  const groups: string[] = [];
  for (let group = 0; group < GROUP_COUNT; group += 1) {
    let text = '';
    for (let i = 0; i < GROUP_LENGTH; i += 1) {
      text += ALPHABET[randomInt(ALPHABET.length)];
    }
    groups.push(text);
  }
  return groups.join('-');
}
