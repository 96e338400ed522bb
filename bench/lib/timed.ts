import { roundSummary, type Summary, summarize } from './stats';

/** Runs `work` once untimed, then `runs` times timed: the times in ms, summarized. */
export async function timed(runs: number, work: () => unknown): Promise<Summary> {
  await work();
  const times: number[] = [];
  for (let index = 0; index < runs; index += 1) {
    const start = performance.now();
    await work();
    times.push(performance.now() - start);
  }
  return roundSummary(summarize(times), 3);
}
