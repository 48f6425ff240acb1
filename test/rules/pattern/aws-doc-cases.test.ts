import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  compileEventPattern,
  InvalidEventPatternException,
  testEventPattern,
} from '../../../rules/pattern/index.js';
import { RuleMatcher } from '../../../rules/pattern/machine/index.js';
import { repoRoot } from '../../support/shared-dir.js';

interface DocCase {
  readonly name: string;
  readonly source: string;
  readonly pattern: string;
  readonly event: string;
  readonly expect: 'match' | 'no-match' | 'invalid';
  readonly reason?: string;
}

/**
 * The project's own conformance cases (test/fixtures/conformance/aws-doc-cases.json): written after
 * the EventBridge User Guide's examples, verdicts from aws/event-ruler (provenance in the file). They
 * hold in a bare clone, where the AWS-recorded corpus of ../shared is absent.
 */
const file = JSON.parse(
  readFileSync(resolve(repoRoot, 'test', 'fixtures', 'conformance', 'aws-doc-cases.json'), 'utf8'),
) as { readonly cases: readonly DocCase[] };

describe('conformance cases from the EventBridge User Guide, verdicts by aws/event-ruler', () => {
  it('covers matches, non-matches and refusals', () => {
    const count = (expect: DocCase['expect']) => file.cases.filter((c) => c.expect === expect).length;
    expect([count('match'), count('no-match'), count('invalid')]).toEqual([60, 56, 17]);
  });

  for (const docCase of file.cases) {
    it(`${docCase.name} (${docCase.expect})`, () => {
      if (docCase.expect !== 'invalid') {
        expect(testEventPattern(docCase.pattern, docCase.event)).toBe(docCase.expect === 'match');
        const matcher = new RuleMatcher();
        matcher.addRule('case', compileEventPattern(docCase.pattern));
        expect(matcher.matchText(docCase.event)).toEqual(docCase.expect === 'match' ? ['case'] : []);
        return;
      }
      let error: unknown;
      try {
        compileEventPattern(docCase.pattern);
      } catch (caught) {
        error = caught;
      }
      expect(error).toBeInstanceOf(InvalidEventPatternException);
      expect((error as Error).message).toBe(`Event pattern is not valid. Reason: ${docCase.reason}`);
    });
  }
});
