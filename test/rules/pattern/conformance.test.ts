import { expect, it } from 'vitest';
import { InvalidEventPatternException, testEventPattern } from '../../../rules/pattern/index.js';
import { catchError } from '../../support/catch-error.js';
import { CONFORMANCE_CORPUS, conformanceCases } from '../../support/conformance-cases.js';
import { describeWithShared } from '../../support/with-shared.js';

const REASON = 'Reason: ';

/** Outcomes AWS EventBridge gave (recorded by LocalStack against AWS), run through testEventPattern. */
describeWithShared('EventBridge conformance corpus', CONFORMANCE_CORPUS, (path) => {
  const cases = conformanceCases(path);

  it('holds the 173 recorded cases', () => {
    expect(cases).toHaveLength(173);
  });

  for (const testCase of cases) {
    it(testCase.name, () => {
      if (testCase.expect !== 'invalid') {
        expect(testEventPattern(testCase.pattern, testCase.event)).toBe(testCase.expect === 'match');
        return;
      }
      const error = catchError(() => testEventPattern(testCase.pattern, testCase.event));
      expect(error).toBeInstanceOf(InvalidEventPatternException);
      const firstLine = (error as Error).message.split('\n')[0] ?? '';
      const expected = testCase.error ?? '';
      // AWS's wording after "Reason: " for non-JSON patterns is its Java parser's; compare the prefix only.
      if (testCase.name.startsWith('special_json_syntax_')) {
        expect(firstLine.slice(0, firstLine.indexOf(REASON) + REASON.length)).toBe(
          expected.slice(0, expected.indexOf(REASON) + REASON.length),
        );
      } else {
        expect(firstLine).toBe(expected);
      }
    });
  }
});
