import { readFileSync } from 'node:fs';
import { sharedFile } from './shared-dir.js';

/** One case of ../shared/conformance/event-patterns.json: the outcome real EventBridge gave. */
export interface ConformanceCase {
  readonly name: string;
  readonly event: string;
  readonly pattern: string;
  readonly expect: 'match' | 'no-match' | 'invalid';
  readonly error?: string;
}

/** All 173 recorded cases, read in place (the corpus is not part of the product). */
export function conformanceCases(): ConformanceCase[] {
  return JSON.parse(
    readFileSync(sharedFile('conformance', 'event-patterns.json'), 'utf8'),
  ) as ConformanceCase[];
}
