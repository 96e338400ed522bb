import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

/** One reading of a process's CPU time and resident memory. */
export interface ProcSample {
  /** User plus system CPU time since the process started, in ms. */
  readonly cpuMs: number;
  /** Resident set size, in KiB. */
  readonly rssKb: number;
}

/** Linux's usual USER_HZ, used when `getconf CLK_TCK` cannot be run. */
const DEFAULT_CLOCK_TICKS_PER_SECOND = 100;

let cachedTicksPerSecond: number | undefined;

/** Clock ticks per second of the times in /proc/<pid>/stat. */
export function clockTicksPerSecond(): number {
  if (cachedTicksPerSecond === undefined) {
    try {
      const text = execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim();
      const value = Number.parseInt(text, 10);
      cachedTicksPerSecond = Number.isFinite(value) && value > 0 ? value : DEFAULT_CLOCK_TICKS_PER_SECOND;
    } catch {
      cachedTicksPerSecond = DEFAULT_CLOCK_TICKS_PER_SECOND;
    }
  }
  return cachedTicksPerSecond;
}

/**
 * utime + stime, in clock ticks, from the text of /proc/<pid>/stat. The command name (field 2)
 * may hold spaces and parentheses, so fields are counted from the last ')'.
 */
export function parseStatCpuTicks(stat: string): number {
  const end = stat.lastIndexOf(')');
  if (end < 0) {
    throw new Error(`Cannot parse /proc stat line: no ')' in "${stat.slice(0, 80)}"`);
  }
  // After ')' come field 3 (state) onwards; utime and stime are fields 14 and 15.
  const fields = stat
    .slice(end + 1)
    .trim()
    .split(/\s+/);
  const utime = Number(fields[11]);
  const stime = Number(fields[12]);
  if (!Number.isFinite(utime) || !Number.isFinite(stime)) {
    throw new Error(`Cannot parse utime/stime from /proc stat line "${stat.slice(0, 80)}"`);
  }
  return utime + stime;
}

/** VmRSS in KiB from the text of /proc/<pid>/status. */
export function parseVmRssKb(status: string): number {
  const match = /^VmRSS:\s+(\d+)\s+kB$/m.exec(status);
  if (match?.[1] === undefined) {
    throw new Error('Cannot find VmRSS in /proc status (has the process exited?)');
  }
  return Number(match[1]);
}

/** Reads CPU time and RSS of a live process from /proc. Throws when the process is gone. */
export function sampleProcess(pid: number): ProcSample {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return {
    cpuMs: (parseStatCpuTicks(stat) * 1_000) / clockTicksPerSecond(),
    rssKb: parseVmRssKb(status),
  };
}

/** Busy (non-idle, non-iowait) clock ticks of all CPUs together, from the `cpu` line of /proc/stat. */
export function parseBusyTicks(procStat: string): number {
  const line = procStat.split('\n').find((entry) => entry.startsWith('cpu '));
  if (line === undefined) {
    throw new Error('Cannot find the cpu line in /proc/stat');
  }
  const [user = 0, nice = 0, system = 0, , , irq = 0, softirq = 0, steal = 0] = line
    .trim()
    .split(/\s+/)
    .slice(1)
    .map(Number);
  return user + nice + system + irq + softirq + steal;
}

/** CPU ms all processes on the machine have used since boot (busy time of every CPU, summed). */
export function machineBusyMs(): number {
  return (parseBusyTicks(readFileSync('/proc/stat', 'utf8')) * 1_000) / clockTicksPerSecond();
}
