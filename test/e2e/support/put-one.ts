import { PutEventsCommand } from '@aws-sdk/client-eventbridge';
import type { TestStack } from './start-test-stack.js';

/** Puts one event on the trackbridge bus with the SDK; returns its EventId, or throws with the failed entry. */
export async function putOne(
  test: TestStack,
  source: string,
  detailType: string,
  detail: unknown,
): Promise<string> {
  const answer = await test.events.send(
    new PutEventsCommand({
      Entries: [
        {
          EventBusName: 'trackbridge',
          Source: source,
          DetailType: detailType,
          Detail: JSON.stringify(detail),
        },
      ],
    }),
  );
  const id = answer.Entries?.[0]?.EventId;
  if (id === undefined) throw new Error(`PutEvents failed: ${JSON.stringify(answer.Entries)}`);
  return id;
}
