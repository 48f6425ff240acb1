import { archiveRuleName, putArchiveRule } from '../../archive/archive-rule.js';
import { existingArchive } from '../../archive/existing-archive.js';
import { readArchiveName } from '../../archive/read-archive-name.js';
import { archiveArn } from '../arns.js';
import { assertConstraints } from '../constraints.js';
import { ValidationException } from '../errors.js';
import type { EventsContext } from '../events-context.js';
import { modelConstraints } from '../model-constraints.js';

/**
 * UpdateArchive: changes description, pattern, retention or key. With nothing to change AWS
 * answers a ValidationException before it even looks the archive up (recorded, §5.2).
 */
export function updateArchive(context: EventsContext, body: unknown): object {
  const { input, name } = readArchiveName(body);
  const description = input.string('Description');
  const eventPattern = input.string('EventPattern');
  const retentionDays = input.integer('RetentionDays');
  const kmsKeyIdentifier = input.string('KmsKeyIdentifier');
  assertConstraints([
    { path: 'description', value: description, constraint: modelConstraints.ArchiveDescription },
    { path: 'eventPattern', value: eventPattern, constraint: modelConstraints.EventPattern },
    { path: 'retentionDays', value: retentionDays, constraint: modelConstraints.RetentionDays },
    { path: 'kmsKeyIdentifier', value: kmsKeyIdentifier, constraint: modelConstraints.KmsKeyIdentifier },
  ]);
  if ([description, eventPattern, retentionDays, kmsKeyIdentifier].every((value) => value === undefined)) {
    throw new ValidationException(
      'At least one of EventPattern, RetentionDays or Description must be provided.',
    );
  }
  if (eventPattern !== undefined) context.patterns.compile(eventPattern);
  const archive = existingArchive(context, name);
  context.archives.update(name, {
    ...(description === undefined ? {} : { description }),
    ...(eventPattern === undefined ? {} : { eventPattern }),
    ...(retentionDays === undefined ? {} : { retentionDays }),
    ...(kmsKeyIdentifier === undefined ? {} : { kmsKeyIdentifier }),
  });
  // The managed rule, while there is one (not force-deleted), follows the archive's pattern.
  const updated = context.archives.get(name);
  const hasRule = context.rules.get(archive.bus, archiveRuleName(name)) !== undefined;
  if (eventPattern !== undefined && updated !== undefined && hasRule) {
    putArchiveRule(context, context.scope, updated);
  }
  context.reroute();
  return {
    ArchiveArn: archiveArn(context.scope, name),
    State: archive.state,
    CreationTime: archive.createdAt / 1000,
  };
}
