import * as prng from 'lib0/prng';

/** A seeded generator of numbers in [0, 1) (lib0's), so both relays get exactly the same load. */
export function seededRandom(seed: number): () => number {
  const generator = prng.create(seed);
  return () => prng.real53(generator);
}
