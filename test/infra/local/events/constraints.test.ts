import { describe, expect, it } from 'vitest';
import { assertConstraints } from '../../../../infra/local/events/constraints.js';
import { modelConstraints, required } from '../../../../infra/local/events/model-constraints.js';

describe('assertConstraints', () => {
  it('accepts values within their constraints', () => {
    expect(() =>
      assertConstraints([
        { path: 'name', value: 'my-rule', constraint: required(modelConstraints.RuleName) },
      ]),
    ).not.toThrow();
  });

  it('words a pattern violation as Coral does (recorded from AWS)', () => {
    expect(() =>
      assertConstraints([
        { path: 'targets.1.member.id', value: 'a b', constraint: modelConstraints.TargetId },
      ]),
    ).toThrow(
      "1 validation error detected: Value 'a b' at 'targets.1.member.id' failed to satisfy constraint: " +
        'Member must satisfy regular expression pattern: [\\.\\-_A-Za-z0-9]+',
    );
  });

  it('counts and joins several violations with "; "', () => {
    expect(() =>
      assertConstraints([
        { path: 'name', value: 'x'.repeat(65), constraint: modelConstraints.RuleName },
        { path: 'limit', value: 101, constraint: modelConstraints.LimitMax100 },
      ]),
    ).toThrow(
      `2 validation errors detected: Value '${'x'.repeat(65)}' at 'name' failed to satisfy constraint: ` +
        "Member must have length less than or equal to 64; Value '101' at 'limit' failed to satisfy " +
        'constraint: Member must have value less than or equal to 100',
    );
  });

  it('reports a missing required member as null', () => {
    expect(() =>
      assertConstraints([{ path: 'name', value: undefined, constraint: { required: true } }]),
    ).toThrow(
      "1 validation error detected: Value null at 'name' failed to satisfy constraint: Member must not be null",
    );
  });

  it('lists the enum values of a bad enum member', () => {
    expect(() =>
      assertConstraints([{ path: 'state', value: 'ON', constraint: modelConstraints.RuleState }]),
    ).toThrow(
      'Member must satisfy enum value set: [ENABLED, DISABLED, ENABLED_WITH_ALL_CLOUDTRAIL_MANAGEMENT_EVENTS]',
    );
  });
});
