import { QueryCommand, ScanCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { catalogSamples } from '../../infra/local/cli/catalog-samples.js';
import { loadCatalog } from '../../rules/catalog/index.js';
import { runCliInProcess } from '../support/run-cli-in-process.js';
import { waitFor } from '../support/wait-for.js';
import { runTrackbridge } from './support/run-trackbridge.js';
import { startTestStack, type TestStack } from './support/start-test-stack.js';

const SEED = '424242';
const COUNT = '4';

let test: TestStack;
beforeAll(async () => {
  test = await startTestStack();
});
afterAll(() => test?.close());

/** The CLI's own entry in this process, over real HTTP to the stack (one test runs the binary). */
const cli = (args: readonly string[]) => runCliInProcess(args, { TRACKBRIDGE_ENDPOINT: test.stack.endpoint });

/** The EventIds `put` printed, in entry order; every entry accepted. */
function acceptedIds(stdout: string): string[] {
  const lines = stdout.trim().split('\n');
  for (const line of lines) expect(line).toMatch(/^\d+\tok\t/);
  return lines.map((line) => line.split('\t')[2] as string);
}

describe('trackbridge put --sample against the local stack', () => {
  it('sends generated samples of every catalog type, and each consumer stores every one', async () => {
    const expected: string[] = [];
    for (const entry of loadCatalog()) {
      const put = await cli(['put', '--sample', entry.detailType, '--count', COUNT, '--seed', SEED]);
      expect(put.code, put.stderr).toBe(0);
      expect(acceptedIds(put.stdout)).toHaveLength(Number(COUNT));
      // The same seed in this process gives the same details: the eventIds the consumers store.
      const { samples } = await catalogSamples(entry.detailType, { count: COUNT, seed: SEED });
      // The idempotency key the item carries: CloudTrail's details name it eventID.
      expected.push(...samples.map((sample) => String(sample.detail.eventId ?? sample.detail.eventID)));
    }
    const stored = async () => {
      const items = (await test.documents.send(new ScanCommand({ TableName: test.tableName }))).Items ?? [];
      return items;
    };
    await waitFor(
      async () => {
        const ids = new Set((await stored()).map((item) => String(item.eventId)));
        return expected.every((id) => ids.has(id));
      },
      { what: 'every sample stored' },
    );
    const quarantined = (await stored()).filter((item) => String(item.pk).startsWith('QUARANTINE#'));
    expect(quarantined).toEqual([]);
  });

  it('sends --invalid samples, and each is quarantined with exactly the reasons `sample --invalid` states', async () => {
    for (const entry of loadCatalog()) {
      const args = ['--sample', entry.detailType, '--count', COUNT, '--seed', SEED, '--invalid'];
      const put = await cli(['put', ...args]);
      expect(put.code, put.stderr).toBe(0);
      const ids = acceptedIds(put.stdout);
      const shown = await cli(['sample', ...args.slice(1)]);
      const stated = shown.stdout
        .trim()
        .split('\n')
        .map((line) => JSON.parse(line) as { invalid: string; reasons: unknown[]; detail: unknown });
      expect(stated).toHaveLength(ids.length);
      // put names each sample's breakage after its EventId, as sample does.
      put.stdout
        .trim()
        .split('\n')
        .forEach((line, index) => {
          expect(line.split('\t')[3]).toBe(stated[index]?.invalid);
        });
      const quarantine = async () =>
        (
          await test.documents.send(
            new QueryCommand({
              TableName: test.tableName,
              KeyConditionExpression: 'pk = :pk',
              ExpressionAttributeValues: { ':pk': `QUARANTINE#${entry.detailType}` },
            }),
          )
        ).Items ?? [];
      // An AWS-service type's event reaches its consumer as the forwarding rule's copy, which has an
      // id of its own: its quarantine item is found by the detail it carries instead.
      const forwarded = entry.origin === 'aws-service';
      const keyOf = (item: Record<string, unknown>) =>
        forwarded
          ? JSON.stringify((JSON.parse(String(item.rawEvent)) as { detail: unknown }).detail)
          : item.envelopeId;
      const expectedKeys = forwarded ? stated.map((each) => JSON.stringify(each.detail)) : ids;
      await waitFor(
        async () => {
          const kept = new Set((await quarantine()).map(keyOf));
          return expectedKeys.every((key) => kept.has(key));
        },
        { what: `every invalid ${entry.detailType} sample quarantined` },
      );
      const byKey = new Map((await quarantine()).map((item) => [keyOf(item), item]));
      expectedKeys.forEach((key, index) => {
        expect(byKey.get(key)?.reasons, stated[index]?.invalid).toEqual(stated[index]?.reasons);
      });
    }
  });

  it('runs as the real binary: `trackbridge sample` prints the same samples per seed, `put --sample` sends them', async () => {
    const args = ['User Logged Out', '--count', '2', '--seed', SEED];
    const [printed, put] = await Promise.all([
      runTrackbridge(['sample', ...args], test.stack.endpoint),
      runTrackbridge(['put', '--sample', ...args], test.stack.endpoint),
    ]);
    expect(printed.code, printed.stderr).toBe(0);
    expect(printed.stderr).toBe(`seed ${SEED} (--seed ${SEED} gives these samples again)\n`);
    const { samples } = await catalogSamples('User Logged Out', { count: '2', seed: SEED });
    expect(printed.stdout).toBe(samples.map((sample) => `${JSON.stringify(sample.detail)}\n`).join(''));
    expect(put.code, put.stderr).toBe(0);
    expect(acceptedIds(put.stdout)).toHaveLength(2);
  }, 120_000);
});
