import { readTags } from '../../tags/read-tags.js';
import { addTags, taggedResource } from '../../tags/tagged-resource.js';
import { assertConstraints } from '../constraints.js';
import type { EventsContext } from '../events-context.js';
import { InputReader } from '../input-reader.js';
import { modelConstraints, required } from '../model-constraints.js';

/** TagResource: adds tags to a bus or rule; a key already there takes the new value. */
export function tagResource(context: EventsContext, body: unknown): object {
  const input = InputReader.of(body);
  const arn = input.string('ResourceARN');
  const { tags, checks } = readTags(input);
  assertConstraints([
    { path: 'resourceARN', value: arn, constraint: required(modelConstraints.Arn) },
    { path: 'tags', value: tags, constraint: { required: true } },
    ...checks,
  ]);
  addTags(context, taggedResource(context, arn ?? '', { modifying: true }), tags ?? []);
  return {};
}
