import { describe, expect, it } from 'vitest';
import {
  consumerLogGroups,
  describeLogLines,
  itemKeysOf,
  logQueries,
} from '../../../../../infra/local/cli/aws-trace/consumer-log-lines.js';
import { loadCatalog } from '../../../../../rules/catalog/index.js';
import { UNROUTED_ROUTE } from '../../../../../rules/catalog/unrouted-route.js';

const id = 'a4189351-0ad2-4dbb-af6c-6f4a94e33e28';
/** A consumer's line as Powertools Logger writes it to CloudWatch (from a local run). */
const stored = JSON.stringify({
  level: 'INFO',
  message: 'event stored',
  service: 'user-logged-in',
  id,
  eventId: '5d1c7a52-3f0e-4b8a-9c6d-1e2f3a4b5c01',
  detailType: 'User Logged In',
  outcome: 'stored',
  pk: 'USER#u-metrics',
  sk: 'EVENT#2026-11-25T10:00:00.000Z#5d1c7a52-3f0e-4b8a-9c6d-1e2f3a4b5c01',
});

describe('consumer log lines for trace --aws', () => {
  it('reads each consumer log group the CDK stack creates, the catch-all consumer included', () => {
    const groups = consumerLogGroups([
      ...loadCatalog(),
      { busName: 'trackbridge', consumer: UNROUTED_ROUTE.consumer },
    ]);
    expect(groups).toContain('/aws/lambda/trackbridge-user-logged-in');
    expect(groups).toContain('/aws/lambda/trackbridge-unrouted');
    expect(new Set(groups).size).toBe(groups.length);
  });

  it('asks FilterLogEvents for the id as an exact term over the window, per group', () => {
    const queries = logQueries(['/aws/lambda/a', '/aws/lambda/b'], id, { startTime: 1, endTime: 2 });
    expect(queries).toEqual([
      { logGroupName: '/aws/lambda/a', filterPattern: `"${id}"`, startTime: 1, endTime: 2 },
      { logGroupName: '/aws/lambda/b', filterPattern: `"${id}"`, startTime: 1, endTime: 2 },
    ]);
  });

  it('takes the item keys from the lines about this id only', () => {
    const lines = [
      { logGroup: 'g', timestamp: 2, message: stored },
      // A second line for the same item (a redelivery found it stored) is one key.
      { logGroup: 'g', timestamp: 3, message: stored.replace('"stored"', '"duplicate"') },
      { logGroup: 'g', timestamp: 4, message: stored.replace(id, 'another-id').replace('u-metrics', 'u-2') },
      { logGroup: 'g', timestamp: 5, message: `START RequestId: ${id}` },
      { logGroup: 'g', timestamp: 6, message: `2026-11-25T10:00:00Z\tabc\t${stored}` },
    ];
    expect(itemKeysOf(lines, id)).toEqual([
      { pk: 'USER#u-metrics', sk: 'EVENT#2026-11-25T10:00:00.000Z#5d1c7a52-3f0e-4b8a-9c6d-1e2f3a4b5c01' },
    ]);
  });

  it('prints the lines oldest first with their time and group, or says there are none', () => {
    const text = describeLogLines([
      { logGroup: '/aws/lambda/b', timestamp: Date.parse('2026-11-25T10:00:02Z'), message: 'second\n' },
      { logGroup: '/aws/lambda/a', timestamp: Date.parse('2026-11-25T10:00:01Z'), message: 'first' },
    ]);
    expect(text).toBe(
      '  2026-11-25T10:00:01.000Z /aws/lambda/a\n    first\n  2026-11-25T10:00:02.000Z /aws/lambda/b\n    second\n',
    );
    expect(describeLogLines([])).toContain('no consumer log line');
  });
});
