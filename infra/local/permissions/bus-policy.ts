import { AwsError } from '../../../rules/aws-error.js';

/** The policy on a bus may be at most 10 KB (PutPermission API reference; aws-behaviour.md §8). */
export const maxPolicyLength = 10_240;

/** A policy over the limit (model: PolicyLengthExceededException; the message is inferred). */
export class PolicyLengthExceededException extends AwsError {
  constructor() {
    super(
      'PolicyLengthExceededException',
      `The event bus policy exceeds the maximum size of ${maxPolicyLength} characters.`,
    );
  }
}

export interface PolicyStatement {
  readonly Sid?: string;
  readonly [member: string]: unknown;
}

export interface PolicyDocument {
  readonly Version: string;
  readonly Statement: readonly PolicyStatement[];
}

/** The statement PutPermission writes for `Principal` (an account or `*`), `Action` and an optional Condition. */
export function permissionStatement(options: {
  sid: string;
  principal: string;
  action: string;
  busArn: string;
  condition?: { type: string; key: string; value: string };
}): PolicyStatement {
  const { condition } = options;
  return {
    Sid: options.sid,
    Effect: 'Allow',
    Principal: options.principal === '*' ? '*' : { AWS: `arn:aws:iam::${options.principal}:root` },
    Action: options.action,
    Resource: options.busArn,
    ...(condition === undefined
      ? {}
      : { Condition: { [condition.type]: { [condition.key]: condition.value } } }),
  };
}

/** The policy with `statement` added, replacing one with the same Sid. */
export function withStatement(
  policy: PolicyDocument | undefined,
  statement: PolicyStatement,
): PolicyDocument {
  const others = (policy?.Statement ?? []).filter((each) => each.Sid !== statement.Sid);
  return { Version: policy?.Version ?? '2012-10-17', Statement: [...others, statement] };
}

/** Serializes a policy, refusing one over the size limit. */
export function policyText(policy: PolicyDocument): string {
  const text = JSON.stringify(policy);
  if (text.length > maxPolicyLength) throw new PolicyLengthExceededException();
  return text;
}
