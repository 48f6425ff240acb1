import { PutRuleCommand, PutTargetsCommand } from '@aws-sdk/client-eventbridge';
import { received } from '../../support/consumers/recording-consumer.js';
import { waitFor } from '../../support/wait-for.js';
import type { TestStack } from './start-test-stack.js';

/** The recording test consumer, for `extraConsumers`. */
export const recordingConsumer = {
  name: 'recording',
  entry: 'test/support/consumers/recording-consumer.ts',
  timeoutMs: 5_000,
};

/**
 * Routes every event of `source` on the trackbridge bus to the recording consumer (through the
 * real PutRule and PutTargets), and returns a way to await the next event it receives.
 */
export async function recordingEntry(test: TestStack, source: string) {
  const rule = `record-${source.replaceAll('.', '-')}`;
  await test.events.send(
    new PutRuleCommand({
      Name: rule,
      EventBusName: 'trackbridge',
      EventPattern: JSON.stringify({ source: [source] }),
    }),
  );
  await test.events.send(
    new PutTargetsCommand({
      Rule: rule,
      EventBusName: 'trackbridge',
      Targets: [{ Id: 'recording', Arn: 'arn:aws:lambda:us-east-1:000000000000:function:recording' }],
    }),
  );
  let seen = received.length;
  const ofSource = () =>
    received.slice(seen).filter((event) => (event as { source?: string }).source === source);
  return {
    next: async (): Promise<Record<string, unknown>> => {
      await waitFor(() => ofSource().length > 0, { what: `an event from ${source}` });
      const [event] = ofSource();
      seen = received.indexOf(event) + 1;
      return event as Record<string, unknown>;
    },
  };
}
