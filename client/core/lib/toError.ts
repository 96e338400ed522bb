/** Turns anything thrown into an Error, keeping the original as its cause. */
export function toError(err: unknown): Error {
  if (err instanceof Error) {
    return err;
  }
  return new Error(typeof err === 'string' ? err : 'Unknown error', { cause: err });
}
