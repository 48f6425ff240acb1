import { ListEventBusesCommand, PutEventsCommand } from '@aws-sdk/client-eventbridge';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventsOperations } from '../../infra/local/events/events-operations.js';
import { startTestStack, type TestStack } from './support/start-test-stack.js';

let test: TestStack;
let acknowledged: string | undefined;
beforeAll(async () => {
  test = await startTestStack();
  const result = await test.events.send(
    new PutEventsCommand({
      Entries: [{ EventBusName: 'trackbridge', Source: 'app.keep', DetailType: 'Kept', Detail: '{}' }],
    }),
  );
  acknowledged = result.Entries?.[0]?.EventId;
});
afterAll(() => test?.close());

async function post(target: string, body: string): Promise<{ status: number; type?: string }> {
  const response = await fetch(`${test.stack.endpoint}/`, {
    method: 'POST',
    headers: { 'X-Amz-Target': target, 'Content-Type': 'application/x-amz-json-1.1' },
    body,
  });
  const text = await response.text();
  const parsed = JSON.parse(text) as { __type?: string };
  return { status: response.status, ...(parsed.__type === undefined ? {} : { type: parsed.__type }) };
}

const operations = Object.keys(eventsOperations);
const entry = fc.record(
  {
    Source: fc.oneof(fc.string(), fc.constant('aws.x'), fc.anything()),
    DetailType: fc.oneof(fc.string(), fc.anything()),
    Detail: fc.oneof(fc.json(), fc.string(), fc.anything()),
    EventBusName: fc.oneof(fc.constant('trackbridge'), fc.string(), fc.anything()),
    Resources: fc.oneof(fc.array(fc.string()), fc.anything()),
    Time: fc.oneof(fc.integer(), fc.double(), fc.string(), fc.anything()),
  },
  { requiredKeys: [] },
);

describe('bad input to the EventBridge API', () => {
  it('answers any JSON body to any operation with 200 or an AWS client error, never a fault', async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...operations), fc.jsonValue(), async (operation, value) => {
        const { status, type } = await post(`AWSEvents.${operation}`, JSON.stringify(value));
        expect(status === 200 || (status === 400 && type !== undefined)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('answers arbitrary PutEvents entries with per-entry or whole-call AWS errors, never a fault', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(entry, { maxLength: 12 }), async (entries) => {
        const { status } = await post('AWSEvents.PutEvents', JSON.stringify({ Entries: entries }));
        expect([200, 400]).toContain(status);
      }),
      { numRuns: 200 },
    );
  });

  it('answers arbitrary bytes with SerializationException', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ minLength: 1, maxLength: 200 }), async (bytes) => {
        const text = Buffer.from(bytes).toString('latin1');
        fc.pre(!isJson(text));
        const response = await fetch(`${test.stack.endpoint}/`, {
          method: 'POST',
          headers: { 'X-Amz-Target': 'AWSEvents.PutEvents', 'Content-Type': 'application/x-amz-json-1.1' },
          body: bytes,
        });
        expect(response.status).toBe(400);
        expect(((await response.json()) as { __type: string }).__type).toBe('SerializationException');
      }),
      { numRuns: 100 },
    );
  });

  it('keeps serving, with what was acknowledged untouched', async () => {
    const buses = await test.events.send(new ListEventBusesCommand({}));
    expect(buses.EventBuses?.map((bus) => bus.Name)).toEqual(
      expect.arrayContaining(['default', 'trackbridge']),
    );
    const status = (await (await fetch(`${test.stack.endpoint}/`)).json()) as { events: number };
    expect(acknowledged).toBeDefined();
    expect(status.events).toBeGreaterThanOrEqual(1);
  });
});

function isJson(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}
