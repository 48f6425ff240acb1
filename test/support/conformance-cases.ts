import { readFileSync } from 'node:fs';

/** One case of ../shared/conformance/event-patterns.json: the outcome real EventBridge gave. */
export interface ConformanceCase {
  readonly name: string;
  readonly event: string;
  readonly pattern: string;
  readonly expect: 'match' | 'no-match' | 'invalid';
  readonly error?: string;
}

/** The AWS-recorded corpus, read in place: it belongs to another project and is not committed here. */
export const CONFORMANCE_CORPUS = ['conformance', 'event-patterns.json'] as const;

/** All 173 recorded cases of the corpus at `path`. */
export function conformanceCases(path: string): ConformanceCase[] {
  return JSON.parse(readFileSync(path, 'utf8')) as ConformanceCase[];
}
