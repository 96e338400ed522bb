/**
 * Passwords hashed at once. scrypt takes tens of megabytes and about a tenth of a second per
 * hash; two at a time uses both cores of a small server without queueing a whole roster's
 * worth of memory-hungry jobs in the thread pool.
 */
const HASH_CONCURRENCY = 2;

/** Hashes every password, a few at a time; the hashes come back in the order of the passwords. */
export async function hashPasswords(
  passwords: readonly string[],
  hash: (password: string) => Promise<string>,
): Promise<string[]> {
  const hashes = new Array<string>(passwords.length).fill('');
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < passwords.length) {
      const index = next;
      next += 1;
      hashes[index] = await hash(passwords[index] ?? '');
    }
  };
  await Promise.all(Array.from({ length: Math.min(HASH_CONCURRENCY, passwords.length) }, worker));
  return hashes;
}
