import { randomUUID } from 'node:crypto';
import { type EventBridgeClient, PutEventsCommand } from '@aws-sdk/client-eventbridge';

/**
 * Puts `count` valid `User Logged In` events whose `time` (and occurredAt) spread evenly over
 * `days` days ending at `end`, 10 per call with `concurrency` calls in flight.
 */
export async function seedArchive(
  client: EventBridgeClient,
  options: { count: number; days: number; end: number; concurrency: number },
): Promise<void> {
  const step = (options.days * 86_400_000) / options.count;
  const start = options.end - options.days * 86_400_000;
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < options.count) {
      const first = next;
      next += 10;
      const entries = Array.from({ length: Math.min(10, options.count - first) }, (_, index) => {
        const time = new Date(start + (first + index) * step);
        return {
          EventBusName: 'trackbridge',
          Source: 'app.auth',
          DetailType: 'User Logged In',
          Time: time,
          Detail: JSON.stringify({
            eventId: randomUUID(),
            occurredAt: time.toISOString(),
            userId: `u-${(first + index) % 5000}`,
            method: 'password',
            success: true,
            ip: '203.0.113.7',
            userAgent: 'trackbridge-bench',
          }),
        };
      });
      const result = await client.send(new PutEventsCommand({ Entries: entries }));
      if ((result.FailedEntryCount ?? 0) > 0)
        throw new Error(`seeding failed: ${JSON.stringify(result.Entries)}`);
    }
  };
  await Promise.all(Array.from({ length: options.concurrency }, worker));
}
