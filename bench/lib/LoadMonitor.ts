import { machineBusyMs, type ProcSample } from './procSampler';

/** Something whose CPU time can be read: a relay process, or every process of a deployment. */
export interface Sampled {
  sample(): ProcSample;
}

/**
 * Measures how much CPU other processes on the machine (tests, builds of other people) used while
 * a measurement ran: machine busy time minus the relay's and the bench's own. On a shared 2-core
 * machine a high figure means the latencies next to it are not trustworthy.
 */
export class LoadMonitor {
  readonly #server: Sampled | null;
  readonly #startMs = performance.now();
  readonly #machineStartMs = machineBusyMs();
  readonly #benchStart = process.cpuUsage();
  readonly #serverStartMs: number;

  constructor(server: Sampled | null) {
    this.#server = server;
    this.#serverStartMs = server?.sample().cpuMs ?? 0;
  }

  /** CPU other processes used since construction, in percent of one core (200 = both cores busy). */
  otherCpuPercent(): number {
    const elapsedMs = performance.now() - this.#startMs;
    const machineMs = machineBusyMs() - this.#machineStartMs;
    const bench = process.cpuUsage(this.#benchStart);
    const benchMs = (bench.user + bench.system) / 1_000;
    const serverMs = this.#server === null ? 0 : this.#server.sample().cpuMs - this.#serverStartMs;
    const otherMs = Math.max(0, machineMs - benchMs - serverMs);
    return elapsedMs <= 0 ? 0 : (otherMs / elapsedMs) * 100;
  }
}
