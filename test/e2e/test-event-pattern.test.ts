import { TestEventPatternCommand } from '@aws-sdk/client-eventbridge';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONFORMANCE_CORPUS, conformanceCases } from '../support/conformance-cases.js';
import { describeWithShared } from '../support/with-shared.js';
import { startTestStack, type TestStack } from './support/start-test-stack.js';

let test: TestStack;
beforeAll(async () => {
  test = await startTestStack();
});
afterAll(() => test?.close());

async function outcome(pattern: string, event: string) {
  return test.events.send(new TestEventPatternCommand({ EventPattern: pattern, Event: event })).then(
    (result) => ({ result: result.Result }),
    (error: { name: string; message: string }) => ({ error: error.name, message: error.message }),
  );
}

describeWithShared(
  'TestEventPattern over the AWS-recorded conformance corpus',
  CONFORMANCE_CORPUS,
  (path) => {
    const cases = conformanceCases(path);

    it('holds all 173 cases', () => {
      expect(cases).toHaveLength(173);
    });

    it.each(cases.map((conformance) => [conformance.name, conformance] as const))(
      '%s',
      async (_name, conformance) => {
        const actual = await outcome(conformance.pattern, conformance.event);
        if (conformance.expect === 'invalid') {
          expect(actual).toMatchObject({ error: 'InvalidEventPatternException' });
          expect(((actual as { message?: string }).message ?? '').split('\n')[0]).toBe(conformance.error);
        } else {
          expect(actual).toEqual({ result: conformance.expect === 'match' });
        }
      },
    );
  },
);

describe('TestEventPattern event validation', () => {
  const pattern = '{"source":["a"]}';
  it.each([
    ['a plain string', '"hello"'],
    ['an array', '[1]'],
    ['an object missing required fields', '{"source":"a"}'],
    ['text that is not JSON', '{'],
  ])('refuses %s with ValidationException', async (_name, event) => {
    expect(await outcome(pattern, event)).toEqual({
      error: 'ValidationException',
      message: 'Parameter Event is not valid.',
    });
  });
});
