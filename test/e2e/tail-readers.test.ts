import { request } from 'node:http';
import { PutEventsCommand } from '@aws-sdk/client-eventbridge';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { waitFor } from '../support/wait-for.js';
import { startTestStack, type TestStack } from './support/start-test-stack.js';

const tailReaders = async (endpoint: string): Promise<number> =>
  ((await (await fetch(`${endpoint}/`)).json()) as { tailReaders: number }).tailReaders;

describe('tail readers', () => {
  let test: TestStack;
  beforeAll(async () => {
    test = await startTestStack();
  });
  afterAll(() => test?.close());

  it('lets go of a reader that stopped reading once it disconnects, so its memory is released', async () => {
    const { endpoint } = test.stack;
    const url = new URL('/_trackbridge/tail', endpoint);
    // A reader that takes the first line and then reads nothing more.
    const reader = request(url);
    const opened = new Promise<void>((resolve) =>
      reader.on('response', (res) =>
        res.once('data', () => {
          res.pause();
          resolve();
        }),
      ),
    );
    reader.end();
    await opened;
    expect(await tailReaders(endpoint)).toBe(1);
    const entries = Array.from({ length: 10 }, () => ({
      EventBusName: 'default',
      Source: 'app.tail-test',
      DetailType: 'Tail Test',
      Detail: JSON.stringify({ padding: 'x'.repeat(1_000) }),
    }));
    for (let call = 0; call < 20; call++) await test.events.send(new PutEventsCommand({ Entries: entries }));
    reader.destroy();
    await waitFor(async () => (await tailReaders(endpoint)) === 0, { what: 'the reader let go' });
  });
});
