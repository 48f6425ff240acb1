import type { MemberCheck } from '../events/constraints.js';
import { InputReader } from '../events/input-reader.js';
import { modelConstraints, required } from '../events/model-constraints.js';
import type { Tag } from '../store/tag-store.js';

/**
 * Reads a `Tags` member (TagResource, PutRule, CreateEventBus) and the model checks of its
 * items (`Key` and `Value` required), for the operation to assert with its other members.
 */
export function readTags(input: InputReader): { tags: Tag[] | undefined; checks: MemberCheck[] } {
  const items = input.list('Tags')?.map((item, index) => InputReader.of(item, `Tags.${index + 1}`));
  if (items === undefined) return { tags: undefined, checks: [] };
  const read = items.map((item) => ({ Key: item.string('Key'), Value: item.string('Value') }));
  const checks = read.flatMap((tag, index) => [
    { path: `tags.${index + 1}.member.key`, value: tag.Key, constraint: required(modelConstraints.TagKey) },
    {
      path: `tags.${index + 1}.member.value`,
      value: tag.Value,
      constraint: required(modelConstraints.TagValue),
    },
  ]);
  return { tags: read.map((tag) => ({ Key: tag.Key ?? '', Value: tag.Value ?? '' })), checks };
}
