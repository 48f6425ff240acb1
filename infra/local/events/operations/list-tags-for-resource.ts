import { taggedResource } from '../../tags/tagged-resource.js';
import { assertConstraints } from '../constraints.js';
import type { EventsContext } from '../events-context.js';
import { InputReader } from '../input-reader.js';
import { modelConstraints, required } from '../model-constraints.js';

/** ListTagsForResource: the tags of a bus or rule in key order (`Tags: []` when none). */
export function listTagsForResource(context: EventsContext, body: unknown): object {
  const input = InputReader.of(body);
  const arn = input.string('ResourceARN');
  assertConstraints([{ path: 'resourceARN', value: arn, constraint: required(modelConstraints.Arn) }]);
  return { Tags: context.tags.list(taggedResource(context, arn ?? '', { modifying: false })) };
}
