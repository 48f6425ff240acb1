import { readFileSync } from 'node:fs';

/**
 * A process's resident memory in MB: all of it (`VmRSS`) and its own (`RssAnon`: heap and native
 * allocations). The rest is file pages mapped in, above all LevelDB's table files, which the kernel
 * reclaims under pressure, so `RssAnon` is what a bound on the stack's memory is judged by.
 */
function residentMb(pid: number): { rss: number; anon: number } {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = (field: string) =>
      Number(new RegExp(`${field}:\\s+(\\d+) kB`).exec(status)?.[1] ?? Number.NaN);
    return { rss: kb('VmRSS') / 1024, anon: kb('RssAnon') / 1024 };
  } catch {
    return { rss: Number.NaN, anon: Number.NaN };
  }
}

/** The largest backlog and RSS seen while sampling, once a second. */
export interface StackSamples {
  readonly maxPending: number;
  readonly maxBusiestTarget: number;
  readonly maxRssMb: number;
  readonly maxAnonMb: number;
}

/**
 * Samples the stack's pending deliveries (its status `pendingBound`) and its resident memory
 * once a second until stopped; one status call a second costs the stack little.
 */
export function sampleStack(endpoint: string, pid: number): { stop: () => Promise<StackSamples> } {
  let maxPending = 0;
  let maxBusiestTarget = 0;
  let maxRssMb = 0;
  let maxAnonMb = 0;
  let running = true;
  const loop = (async () => {
    while (running) {
      const resident = residentMb(pid);
      maxRssMb = Math.max(maxRssMb, resident.rss);
      maxAnonMb = Math.max(maxAnonMb, resident.anon);
      try {
        const status = (await (await fetch(`${endpoint}/`)).json()) as {
          pendingBound?: { pending: number; busiestTarget: number };
        };
        maxPending = Math.max(maxPending, status.pendingBound?.pending ?? 0);
        maxBusiestTarget = Math.max(maxBusiestTarget, status.pendingBound?.busiestTarget ?? 0);
      } catch {
        // A status call refused under load is a missed sample, not a failure of the run.
      }
      await new Promise((resolve) => setTimeout(resolve, 1_000));
    }
  })();
  return {
    stop: async () => {
      running = false;
      await loop;
      return { maxPending, maxBusiestTarget, maxRssMb, maxAnonMb };
    },
  };
}
