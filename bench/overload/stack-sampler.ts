import { readFileSync } from 'node:fs';

function rssMb(pid: number): number {
  try {
    const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match?.[1] === undefined ? Number.NaN : Number(match[1]) / 1024;
  } catch {
    return Number.NaN;
  }
}

/** The largest backlog and RSS seen while sampling, once a second. */
export interface StackSamples {
  readonly maxPending: number;
  readonly maxBusiestTarget: number;
  readonly maxRssMb: number;
}

/**
 * Samples the stack's pending deliveries (its status `pendingBound`) and its resident memory
 * once a second until stopped; one status call a second costs the stack little.
 */
export function sampleStack(endpoint: string, pid: number): { stop: () => Promise<StackSamples> } {
  let maxPending = 0;
  let maxBusiestTarget = 0;
  let maxRssMb = 0;
  let running = true;
  const loop = (async () => {
    while (running) {
      maxRssMb = Math.max(maxRssMb, rssMb(pid));
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
      return { maxPending, maxBusiestTarget, maxRssMb };
    },
  };
}
