import type { Prng } from './create-prng.js';

/** A sampler over `items`, each drawn with probability proportional to its weight. */
export function pickWeighted<T>(items: readonly T[], weightOf: (item: T) => number): (prng: Prng) => T {
  const bounds: number[] = [];
  let total = 0;
  for (const item of items) {
    total += weightOf(item);
    bounds.push(total);
  }
  return (prng) => {
    const target = prng.next() * total;
    let low = 0;
    let high = bounds.length - 1;
    while (low < high) {
      const middle = (low + high) >> 1;
      if ((bounds[middle] ?? 0) > target) high = middle;
      else low = middle + 1;
    }
    return items[low] as T;
  };
}
