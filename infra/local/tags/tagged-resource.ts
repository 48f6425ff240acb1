import { resourceNameOf, ruleOfArn } from '../events/arns.js';
import { ResourceNotFoundException, ValidationException } from '../events/errors.js';
import type { EventsContext } from '../events/events-context.js';
import { existingBus, existingRule } from '../events/lookups.js';
import { assertNotManaged } from '../events/managed-rule-guard.js';
import { busTagKey, ruleTagKey, type Tag } from '../store/tag-store.js';

/** A resource may carry at most 50 tags (TagResource API reference). */
export const maxTagsPerResource = 50;

/**
 * The tag-store key of the bus or rule an ARN names, which must exist in the request's Region and
 * account (`resourceInScope`): "In EventBridge, rules and event buses can be tagged" (model), so an
 * archive is not. Unknown buses and rules get the lookups' recorded messages; an ARN of any other
 * kind gets an inferred wording.
 */
export function taggedResource(context: EventsContext, arn: string, options: { modifying: boolean }): string {
  const site = { scope: context.scope, member: 'ResourceARN' };
  const bus = resourceNameOf(arn, 'event-bus', site);
  const rule = ruleOfArn(arn, site);
  if (bus === undefined && rule === undefined) {
    throw new ResourceNotFoundException(`Resource ${arn} does not exist.`);
  }
  if (bus !== undefined) return busTagKey(existingBus(context, bus));
  const ruleBus = existingBus(context, rule?.bus);
  const record = existingRule(context, ruleBus, rule?.rule ?? '');
  if (options.modifying) assertNotManaged(record);
  return ruleTagKey(ruleBus, record.name);
}

/**
 * Refuses more than 50 tags on one resource. AWS's answer beyond it is not recorded, nor
 * listed among TagResource's errors in the model: ValidationException with this text is inferred.
 */
export function assertTagLimit(current: readonly Tag[], added: readonly Tag[]): void {
  const keys = new Set([...current, ...added].map((tag) => tag.Key));
  if (keys.size > maxTagsPerResource) {
    throw new ValidationException(`A resource can have at most ${maxTagsPerResource} tags.`);
  }
}

/** Adds tags to a resource within the limit. */
export function addTags(context: EventsContext, resource: string, tags: readonly Tag[]): void {
  assertTagLimit(context.tags.list(resource), tags);
  context.tags.put(resource, tags);
}
