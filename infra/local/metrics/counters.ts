/** The counters kept per bus, per detail-type and per rule, in this order in storage. */
export const counterNames = [
  'received',
  'matched',
  'unrouted',
  'delivered',
  'stored',
  'duplicate',
  'quarantined',
  'failedAttempts',
  'deadLettered',
] as const;

export type CounterName = (typeof counterNames)[number];

/** One set of counters, as the metrics JSON shows it. */
export type Counters = Record<CounterName, number>;

/** Each counter's position in a counter vector. */
export const counterIndex = Object.fromEntries(counterNames.map((name, index) => [name, index])) as Record<
  CounterName,
  number
>;

/** A counter vector (one slot per `counterNames`) as named counters. */
export function countersOf(vector: readonly number[]): Counters {
  return Object.fromEntries(counterNames.map((name, index) => [name, vector[index] ?? 0])) as Counters;
}

/** A new zeroed counter vector. */
export function emptyVector(): number[] {
  return counterNames.map(() => 0);
}

/** Adds `from` into `into`, slot by slot. */
export function addVector(into: number[], from: readonly number[]): void {
  for (let index = 0; index < into.length; index++) into[index] = (into[index] ?? 0) + (from[index] ?? 0);
}
