import { ruleOfArn } from '../events/arns.js';
import { ResourceNotFoundException, ValidationException } from '../events/errors.js';
import type { EventsContext } from '../events/events-context.js';

/**
 * The rule names of `Destination.FilterArns`: each must be the ARN of an existing rule on the
 * destination bus. AWS's wording for these two cases was not recorded: a rule of another bus (or
 * not a rule ARN) gets the wording of an emulator that models it, an unknown rule DescribeRule's
 * recorded `Rule <name> does not exist on EventBus <bus>.`
 */
export function filterRules(context: EventsContext, bus: string, filterArns: readonly string[]): string[] {
  return filterArns.map((arn) => {
    const reference = ruleOfArn(arn, { scope: context.scope, member: 'Destination.FilterArns' });
    if (reference === undefined || reference.bus !== bus) {
      throw new ValidationException(
        'Parameter Destination.FilterArns is not valid. Reason: Rule must be on the destination event bus.',
      );
    }
    if (context.rules.get(bus, reference.rule) === undefined) {
      throw new ResourceNotFoundException(`Rule ${reference.rule} does not exist on EventBus ${bus}.`);
    }
    return reference.rule;
  });
}
