import { TestEventPatternCommand } from '@aws-sdk/client-eventbridge';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestStack, type TestStack } from './support/start-test-stack.js';

let test: TestStack;
beforeAll(async () => {
  test = await startTestStack();
});
afterAll(() => test?.close());

const deep = 100_000;
const objects = (levels: number) => `${'{"a":'.repeat(levels)}1${'}'.repeat(levels)}`;
const arrays = (levels: number) => `${'['.repeat(levels)}${']'.repeat(levels)}`;
const envelope = (detail: string, extra = '') =>
  `{"id":"1","account":"123456789012","source":"app.test","time":"2026-01-01T00:00:00Z","region":"us-east-1","resources":[],"detail-type":"Test"${extra},"detail":${detail}}`;

describe('TestEventPattern with deep JSON', () => {
  it.each([
    ['arrays in detail, pattern on detail', '{"detail":{"a":["x"]}}', envelope(arrays(deep))],
    ['arrays under a detail field', '{"detail":{"a":["x"]}}', envelope(`{"a":${arrays(deep)}}`)],
    ['objects in detail', '{"detail":{"a":["x"]}}', envelope(objects(deep))],
    [
      'objects in a field no pattern names',
      '{"source":["app.test"]}',
      envelope('{}', `,"x":${objects(deep)}`),
    ],
    ['arrays as the whole event', '{"source":["app.test"]}', arrays(deep)],
  ])('answers 400 ValidationException for %s 100,000 deep', async (_what, EventPattern, Event) => {
    const answer = test.events.send(new TestEventPatternCommand({ EventPattern, Event }));
    await expect(answer).rejects.toMatchObject({
      name: 'ValidationException',
      message: 'Parameter Event is not valid.',
      $metadata: { httpStatusCode: 400 },
    });
  });

  it('matches an event whose detail is as deep as PutEvents allows (1000 levels)', async () => {
    const Event = envelope(objects(1000));
    const { Result } = await test.events.send(
      new TestEventPatternCommand({ EventPattern: '{"source":["app.test"]}', Event }),
    );
    expect(Result).toBe(true);
  });
});

describe('the local API with an over-size body', () => {
  it('answers 413 and keeps serving', async () => {
    const response = await fetch(`${test.stack.endpoint}/_trackbridge/dead-letters/purge`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: `{"ids":[${'1,'.repeat(1_000_000)}1]}`,
    });
    expect(response.status).toBe(413);
    expect(await response.json()).toEqual({ message: 'Request must be smaller than 1048576 bytes.' });
    const next = await fetch(`${test.stack.endpoint}/_trackbridge/dead-letters`);
    expect(next.status).toBe(200);
  });
});
