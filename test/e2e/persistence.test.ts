import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  DescribeRuleCommand,
  ListTargetsByRuleCommand,
  PutRuleCommand,
  PutTargetsCommand,
} from '@aws-sdk/client-eventbridge';
import { afterAll, describe, expect, it } from 'vitest';
import { startTestStack } from './support/start-test-stack.js';

const dataDir = mkdtempSync(join(tmpdir(), 'trackbridge-persist-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

describe('state across restarts', () => {
  it('keeps rules and targets created through the API', async () => {
    const first = await startTestStack({ dataDir });
    await first.events.send(
      new PutRuleCommand({
        Name: 'kept',
        EventBusName: 'trackbridge',
        EventPattern: '{"source":["app.kept"]}',
      }),
    );
    await first.events.send(
      new PutTargetsCommand({
        Rule: 'kept',
        EventBusName: 'trackbridge',
        Targets: [{ Id: 't', Arn: 'arn:aws:lambda:us-east-1:000000000000:function:f' }],
      }),
    );
    await first.close();

    const second = await startTestStack({ dataDir });
    const rule = await second.events.send(
      new DescribeRuleCommand({ Name: 'kept', EventBusName: 'trackbridge' }),
    );
    const targets = await second.events.send(
      new ListTargetsByRuleCommand({ Rule: 'kept', EventBusName: 'trackbridge' }),
    );
    await second.close();
    expect(rule.EventPattern).toBe('{"source":["app.kept"]}');
    expect(targets.Targets?.map((target) => target.Id)).toEqual(['t']);
  });
});
