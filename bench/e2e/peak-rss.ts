import { readFileSync } from 'node:fs';

/** A process's peak resident set size in MB (`VmHWM` of /proc/<pid>/status), or NaN off Linux. */
export function peakRssMb(pid: number): number {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const match = /VmHWM:\s+(\d+) kB/.exec(status);
    return match?.[1] === undefined ? Number.NaN : Number(match[1]) / 1024;
  } catch {
    return Number.NaN;
  }
}
