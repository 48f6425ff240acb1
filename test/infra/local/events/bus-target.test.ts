import { describe, expect, it } from 'vitest';
import {
  busTargetOf,
  checkBusTarget,
  localBusTargetProblem,
} from '../../../../infra/local/events/bus-target.js';
import { InputReader } from '../../../../infra/local/events/input-reader.js';

const scope = { region: 'us-east-1', accountId: '000000000000' };
const target = (spec: object) => InputReader.of(spec, 'Targets.1');

describe('busTargetOf', () => {
  it('reads the Region, account and bus of an event bus ARN', () => {
    expect(busTargetOf('arn:aws:events:eu-west-1:111122223333:event-bus/orders')).toEqual({
      region: 'eu-west-1',
      accountId: '111122223333',
      bus: 'orders',
    });
  });

  it('is undefined for a Lambda function, a rule or a malformed bus ARN', () => {
    for (const arn of [
      'arn:aws:lambda:us-east-1:000000000000:function:user-logged-in',
      'arn:aws:events:us-east-1:000000000000:rule/trackbridge/x',
      'arn:aws:events:us-east-1:0000:event-bus/short-account',
    ])
      expect(busTargetOf(arn)).toBeUndefined();
  });
});

describe('checkBusTarget', () => {
  it('needs a RoleArn for a bus in another Region only', () => {
    const arn = 'arn:aws:events:eu-west-1:000000000000:event-bus/b';
    const bus = busTargetOf(arn);
    if (bus === undefined) throw new Error('not a bus ARN');
    expect(() => checkBusTarget(scope, target({ Id: 't', Arn: arn }), bus)).toThrow(
      `RoleArn is required for target ${arn}.`,
    );
    expect(() =>
      checkBusTarget(scope, target({ Id: 't', Arn: arn, RoleArn: 'arn:aws:iam::000000000000:role/r' }), bus),
    ).not.toThrow();
  });
});

describe('localBusTargetProblem', () => {
  it('accepts a bus of the stack account and Region, and names what it cannot deliver to', () => {
    const here = 'arn:aws:events:us-east-1:000000000000:event-bus/b';
    const bus = busTargetOf(here);
    if (bus === undefined) throw new Error('not a bus ARN');
    expect(localBusTargetProblem(scope, target({ Id: 't', Arn: here }), bus)).toBeUndefined();
    expect(localBusTargetProblem(scope, target({ Id: 't', Arn: here, InputPath: '$.detail' }), bus)).toMatch(
      /^InputPath of target t is not emulated/,
    );
  });

  it('accepts a bus of another aws-partition Region, and names a Region or account it does not serve', () => {
    const problem = (arn: string) => {
      const bus = busTargetOf(arn);
      if (bus === undefined) throw new Error('not a bus ARN');
      return localBusTargetProblem(
        scope,
        target({ Id: 't', Arn: arn, RoleArn: 'arn:aws:iam::000000000000:role/r' }),
        bus,
      );
    };
    expect(problem('arn:aws:events:eu-central-1:000000000000:event-bus/b')).toBeUndefined();
    expect(problem('arn:aws:events:cn-north-1:000000000000:event-bus/b')).toMatch(
      /^Target .* is in Region cn-north-1, which the local stack does not serve/,
    );
    expect(problem('arn:aws:events:us-east-1:111122223333:event-bus/b')).toMatch(/is in another account/);
  });
});
