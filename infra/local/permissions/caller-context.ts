import { busArn, busNameOf } from '../events/arns.js';
import { AccessDeniedException } from '../events/errors.js';
import type { EventsContext } from '../events/events-context.js';
import { isJsonObject } from '../events/input-reader.js';
import { policyAllows } from './policy-allows.js';

/** AWS's IAM denial, in its usual form (EventBridge's own text for this case was not recorded). */
function denied(caller: string, operation: string, resource: string): AccessDeniedException {
  return new AccessDeniedException(
    `User: arn:aws:iam::${caller}:root is not authorized to perform: events:${operation} on resource: ` +
      `${resource} because no resource-based policy allows the events:${operation} action`,
  );
}

/**
 * The context an operation runs in for a caller (`callerAccount`). The stack's own account gets
 * it as it is. The stack holds that one account only, so another account may do one thing: PutEvents
 * onto a bus of the stack's account named by its ARN, when the bus policy (PutPermission) lets it;
 * its events then carry its account, as on AWS. Anything else it asks for would be in its own
 * account, which the stack does not hold, and is refused with AccessDeniedException (inferred).
 */
export function contextForCaller(
  context: EventsContext,
  caller: string,
  operation: string,
  body: unknown,
): EventsContext {
  if (caller === context.scope.accountId) return context;
  const home = `arn:aws:events:${context.scope.region}:${caller}:*`;
  if (operation !== 'PutEvents') throw denied(caller, operation, home);
  const entries = isJsonObject(body) && Array.isArray(body.Entries) ? body.Entries : [];
  const site = { scope: context.scope, member: 'EventBusName' };
  for (const entry of entries) {
    const nameOrArn = isJsonObject(entry) ? entry.EventBusName : undefined;
    if (typeof nameOrArn !== 'string' || !nameOrArn.startsWith('arn:')) {
      // A bus by name is the caller's own, in an account the stack does not hold.
      throw denied(
        caller,
        operation,
        `arn:aws:events:${context.scope.region}:${caller}:event-bus/${nameOrArn ?? 'default'}`,
      );
    }
    const bus = busNameOf(nameOrArn, site);
    const request = { account: caller, action: 'events:PutEvents', resource: busArn(context.scope, bus) };
    if (!policyAllows(context.buses.get(bus)?.policy, request)) throw denied(caller, operation, nameOrArn);
  }
  return { ...context, senderAccount: caller };
}
