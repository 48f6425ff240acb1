import {
  type PolicyDocument,
  permissionStatement,
  policyText,
  withStatement,
} from '../../permissions/bus-policy.js';
import { busArn } from '../arns.js';
import { assertConstraints } from '../constraints.js';
import { ValidationException } from '../errors.js';
import type { EventsContext } from '../events-context.js';
import { InputReader, isJsonObject } from '../input-reader.js';
import { existingBus } from '../lookups.js';
import { modelConstraints, required } from '../model-constraints.js';

/**
 * PutPermission: adds a statement (StatementId, Action, Principal, optional Condition) to the
 * bus's resource policy, or replaces the whole policy with `Policy`. The policy is stored,
 * shown by DescribeEventBus, and enforced on PutEvents from a caller of another account
 * (`permissions/caller-context.ts`). Messages for a missing parameter or a bad Policy were not recorded (inferred).
 */
export function putPermission(context: EventsContext, body: unknown): object {
  const input = InputReader.of(body);
  const busName = input.string('EventBusName');
  const action = input.string('Action');
  const principal = input.string('Principal');
  const sid = input.string('StatementId');
  const condition = input.object('Condition');
  const conditionFields = {
    type: condition?.string('Type'),
    key: condition?.string('Key'),
    value: condition?.string('Value'),
  };
  const policy = input.string('Policy');
  assertConstraints([
    { path: 'eventBusName', value: busName, constraint: modelConstraints.NonPartnerEventBusName },
    { path: 'action', value: action, constraint: modelConstraints.Action },
    { path: 'principal', value: principal, constraint: modelConstraints.Principal },
    { path: 'statementId', value: sid, constraint: modelConstraints.StatementId },
    ...(condition === undefined
      ? []
      : (['type', 'key', 'value'] as const).map((member) => ({
          path: `condition.${member}`,
          value: conditionFields[member],
          constraint: required({}),
        }))),
  ]);
  const bus = existingBus(context, busName);
  const now = context.clock.now();
  if (policy !== undefined) {
    context.buses.setPolicy(bus, policyText(parsePolicy(policy)), now);
    return {};
  }
  if (sid === undefined || action === undefined || principal === undefined) {
    throw new ValidationException('Parameter(s) StatementId, Action and Principal must be specified.');
  }
  const current = context.buses.get(bus)?.policy;
  const statement = permissionStatement({
    sid,
    principal,
    action,
    busArn: busArn(context.scope, bus),
    ...(condition === undefined
      ? {}
      : {
          condition: {
            type: conditionFields.type ?? '',
            key: conditionFields.key ?? '',
            value: conditionFields.value ?? '',
          },
        }),
  });
  const updated = withStatement(current === undefined ? undefined : parsePolicy(current), statement);
  context.buses.setPolicy(bus, policyText(updated), now);
  return {};
}

function parsePolicy(text: string): PolicyDocument {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new ValidationException('Parameter Policy is not valid. Reason: it is not JSON text.');
  }
  if (!isJsonObject(parsed) || !Array.isArray(parsed.Statement)) {
    throw new ValidationException('Parameter Policy is not valid. Reason: it has no Statement list.');
  }
  return parsed as unknown as PolicyDocument;
}
