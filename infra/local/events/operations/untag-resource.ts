import { taggedResource } from '../../tags/tagged-resource.js';
import { assertConstraints } from '../constraints.js';
import type { EventsContext } from '../events-context.js';
import { InputReader } from '../input-reader.js';
import { modelConstraints, required } from '../model-constraints.js';

/** UntagResource: removes the named keys from a bus or rule; absent keys are already removed. */
export function untagResource(context: EventsContext, body: unknown): object {
  const input = InputReader.of(body);
  const arn = input.string('ResourceARN');
  const keys = input.stringList('TagKeys');
  assertConstraints([
    { path: 'resourceARN', value: arn, constraint: required(modelConstraints.Arn) },
    { path: 'tagKeys', value: keys, constraint: { required: true } },
    ...(keys ?? []).map((key, index) => ({
      path: `tagKeys.${index + 1}.member`,
      value: key,
      constraint: modelConstraints.TagKey,
    })),
  ]);
  context.tags.remove(taggedResource(context, arn ?? '', { modifying: true }), keys ?? []);
  return {};
}
