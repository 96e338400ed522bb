// Whether a text could be a thread or comment id (`?thread=` from a link): the rule the relay applies.
export { isCommentId } from '../../../shared/domain/comments';

/** Random bytes in an id: 128 bits, so ids made offline on many devices never collide. */
const ID_BYTES = 16;

/**
 * A new thread or comment id: 22 url-safe characters (base64url of 16 random bytes). It travels
 * in links (`?thread=`) and in mention notifications, which accept `[A-Za-z0-9_-]{8,64}`.
 */
export function newCommentId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(ID_BYTES));
  let binary = '';
  for (const byte of bytes) {
    binary += String.fromCharCode(byte);
  }
  return btoa(binary).replaceAll('+', '-').replaceAll('/', '_').replace(/=+$/, '');
}
