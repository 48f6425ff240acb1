/**
 * `npm run fuzz [-- runs [seed]]`: the differential property of engine-differential.test.ts with a
 * large budget and a fresh seed (printed, so a failure can be replayed). Not part of `npm test`.
 */
import fc from 'fast-check';
import { disagreementsOn, ruleSetAndEvents } from './engine-differential.js';

const runs = Number(process.argv[2] ?? 20_000);
const seed = Number(process.argv[3] ?? Date.now() % 2 ** 31);
console.log(`fuzz: reference matcher vs RuleMatcher, ${runs} rule sets, seed ${seed}`);
const started = performance.now();
const result = fc.check(
  fc.property(ruleSetAndEvents, ([patterns, events]) => disagreementsOn(patterns, events).length === 0),
  { seed, numRuns: runs },
);
const seconds = ((performance.now() - started) / 1000).toFixed(1);
if (result.failed) {
  console.log(`fuzz: disagreement after ${result.numRuns} runs (${seconds} s), replay with seed ${seed}`);
  const [patterns, events] = result.counterexample?.[0] ?? [[], []];
  console.log(JSON.stringify(disagreementsOn(patterns, events), null, 2));
  process.exitCode = 1;
} else console.log(`fuzz: ${result.numRuns} rule sets agreed (${seconds} s)`);
