import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CreateArchiveCommand, DeleteArchiveCommand, DisableRuleCommand } from '@aws-sdk/client-eventbridge';
import { spawnStack } from '../../test/e2e/support/stack-process.js';
import { benchClient, closedLoop } from '../e2e/put-events-load.js';

const busArn = 'arn:aws:events:us-east-1:000000000000:event-bus/trackbridge';

/**
 * What archiving costs PutEvents: acknowledged events/s on the trackbridge bus (its rule disabled, so
 * nothing is delivered) with the default archive and without it, alternating `rounds` times in one
 * stack so that machine noise hits both sides alike.
 */
export async function archiveIngestCost(
  rounds = 3,
  seconds = 3,
): Promise<{ withArchive: number[]; without: number[] }> {
  const dataDir = mkdtempSync(join(tmpdir(), 'trackbridge-bench-archive-'));
  const stack = await spawnStack(['--data-dir', dataDir]);
  const client = benchClient(stack.endpoint);
  const load = async () => {
    const result = await closedLoop({
      endpoint: stack.endpoint,
      busName: 'trackbridge',
      concurrency: 8,
      seconds,
    });
    return Math.round(result.acknowledged / result.seconds);
  };
  try {
    await client.send(new DisableRuleCommand({ Name: 'user-logged-in', EventBusName: 'trackbridge' }));
    const withArchive: number[] = [];
    const without: number[] = [];
    for (let round = 0; round < rounds; round++) {
      withArchive.push(await load());
      await client.send(new DeleteArchiveCommand({ ArchiveName: 'trackbridge-archive' }));
      without.push(await load());
      await client.send(
        new CreateArchiveCommand({ ArchiveName: 'trackbridge-archive', EventSourceArn: busArn }),
      );
    }
    return { withArchive, without };
  } finally {
    client.destroy();
    stack.child.kill('SIGTERM');
    await stack.exited;
    rmSync(dataDir, { recursive: true, force: true });
  }
}
