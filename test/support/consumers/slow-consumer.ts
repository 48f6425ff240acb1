/** A test consumer taking 30 ms per event that records how many of its invocations overlapped. */
export const concurrency = { active: 0, peak: 0, done: 0 };

export async function handler(): Promise<void> {
  concurrency.active++;
  concurrency.peak = Math.max(concurrency.peak, concurrency.active);
  await new Promise((resolve) => setTimeout(resolve, 30));
  concurrency.active--;
  concurrency.done++;
}
