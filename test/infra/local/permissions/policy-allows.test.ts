import { describe, expect, it } from 'vitest';
import { policyAllows } from '../../../../infra/local/permissions/policy-allows.js';

const bus = 'arn:aws:events:us-east-1:000000000000:event-bus/shared';
const request = { account: '111122223333', action: 'events:PutEvents', resource: bus };
const policy = (...Statement: object[]) => JSON.stringify({ Version: '2012-10-17', Statement });
const allow = {
  Effect: 'Allow',
  Principal: { AWS: 'arn:aws:iam::111122223333:root' },
  Action: 'events:PutEvents',
  Resource: bus,
};

describe('policyAllows', () => {
  it('allows nothing without a policy or an applying Allow', () => {
    expect(policyAllows(undefined, request)).toBe(false);
    expect(policyAllows(policy({ ...allow, Principal: { AWS: '444455556666' } }), request)).toBe(false);
    expect(policyAllows(policy({ ...allow, Action: 'events:PutRule' }), request)).toBe(false);
    expect(policyAllows(policy({ ...allow, Resource: `${bus}-other` }), request)).toBe(false);
  });

  it('matches the account as an id, a root ARN or *, actions and resources by wildcard and in lists', () => {
    expect(policyAllows(policy(allow), request)).toBe(true);
    expect(policyAllows(policy({ ...allow, Principal: { AWS: ['9', '111122223333'] } }), request)).toBe(true);
    expect(policyAllows(policy({ ...allow, Principal: '*', Action: 'events:*' }), request)).toBe(true);
    expect(
      policyAllows(
        policy({ ...allow, Resource: ['x', 'arn:aws:events:*:000000000000:event-bus/*'] }),
        request,
      ),
    ).toBe(true);
  });

  it('lets a Deny win, and applies no statement with a Condition', () => {
    expect(policyAllows(policy(allow, { ...allow, Effect: 'Deny', Principal: '*' }), request)).toBe(false);
    const condition = { StringEquals: { 'aws:PrincipalOrgID': 'o-1' } };
    expect(policyAllows(policy({ ...allow, Condition: condition }), request)).toBe(false);
    expect(policyAllows(policy(allow, { ...allow, Effect: 'Deny', Condition: condition }), request)).toBe(
      true,
    );
  });
});
