import { type PolicyDocument, policyText } from '../../permissions/bus-policy.js';
import { assertConstraints } from '../constraints.js';
import { ResourceNotFoundException, ValidationException } from '../errors.js';
import type { EventsContext } from '../events-context.js';
import { InputReader } from '../input-reader.js';
import { existingBus } from '../lookups.js';
import { modelConstraints } from '../model-constraints.js';

/**
 * RemovePermission: removes one statement by StatementId, or every one with
 * RemoveAllPermissions. The messages for a bus without a policy and an unknown statement are
 * those of an emulator that models them; AWS's were not recorded (inferred).
 */
export function removePermission(context: EventsContext, body: unknown): object {
  const input = InputReader.of(body);
  const sid = input.string('StatementId');
  const removeAll = input.boolean('RemoveAllPermissions') ?? false;
  const busName = input.string('EventBusName');
  assertConstraints([
    { path: 'statementId', value: sid, constraint: modelConstraints.StatementId },
    { path: 'eventBusName', value: busName, constraint: modelConstraints.NonPartnerEventBusName },
  ]);
  const bus = existingBus(context, busName);
  const now = context.clock.now();
  if (removeAll) {
    context.buses.setPolicy(bus, undefined, now);
    return {};
  }
  if (sid === undefined) {
    throw new ValidationException('Parameter(s) StatementId or RemoveAllPermissions must be specified.');
  }
  const current = context.buses.get(bus)?.policy;
  if (current === undefined) throw new ResourceNotFoundException('EventBus does not have a policy.');
  const policy = JSON.parse(current) as PolicyDocument;
  const kept = policy.Statement.filter((statement) => statement.Sid !== sid);
  if (kept.length === policy.Statement.length) {
    throw new ResourceNotFoundException('Statement with the provided id does not exist.');
  }
  context.buses.setPolicy(
    bus,
    kept.length === 0 ? undefined : policyText({ ...policy, Statement: kept }),
    now,
  );
  return {};
}
