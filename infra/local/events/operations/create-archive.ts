import { archiveRuleName, putArchiveRule } from '../../archive/archive-rule.js';
import { archiveArn, resourceNameOf } from '../arns.js';
import { assertConstraints } from '../constraints.js';
import { ResourceAlreadyExistsException, ResourceNotFoundException } from '../errors.js';
import type { EventsContext } from '../events-context.js';
import { InputReader } from '../input-reader.js';
import { existingBus } from '../lookups.js';
import { modelConstraints, required } from '../model-constraints.js';

/**
 * CreateArchive: an archive of the events of one bus (all of them, or those its pattern matches),
 * kept `RetentionDays` days (0: forever). It is ENABLED at once, as recorded from AWS (§5.1), and
 * keeps events from then on through its managed rule `Events-Archive-<name>` on that bus, which
 * ListRules shows as on AWS; replayed events are never archived (§5.3).
 */
export function createArchive(context: EventsContext, body: unknown): object {
  const input = InputReader.of(body);
  const name = input.string('ArchiveName');
  const sourceArn = input.string('EventSourceArn');
  const description = input.string('Description');
  const eventPattern = input.string('EventPattern');
  const retentionDays = input.integer('RetentionDays');
  const kmsKeyIdentifier = input.string('KmsKeyIdentifier');
  assertConstraints([
    { path: 'archiveName', value: name, constraint: required(modelConstraints.ArchiveName) },
    { path: 'eventSourceArn', value: sourceArn, constraint: required(modelConstraints.EventBusArn) },
    { path: 'description', value: description, constraint: modelConstraints.ArchiveDescription },
    { path: 'eventPattern', value: eventPattern, constraint: modelConstraints.EventPattern },
    { path: 'retentionDays', value: retentionDays, constraint: modelConstraints.RetentionDays },
    { path: 'kmsKeyIdentifier', value: kmsKeyIdentifier, constraint: modelConstraints.KmsKeyIdentifier },
  ]);
  if (eventPattern !== undefined) context.patterns.compile(eventPattern);
  const source = sourceArn ?? '';
  const busName = resourceNameOf(source, 'event-bus', { scope: context.scope, member: 'EventSourceArn' });
  if (busName === undefined) {
    // An ARN of anything but a bus names no bus that exists (§5.2: unknown source bus).
    throw new ResourceNotFoundException(
      `Event bus ${source.slice(source.lastIndexOf('/') + 1)} does not exist.`,
    );
  }
  const bus = existingBus(context, busName);
  const archiveName = name ?? '';
  if (context.archives.get(archiveName) !== undefined) {
    throw new ResourceAlreadyExistsException(`Archive ${archiveName} already exists.`);
  }
  const ruleName = archiveRuleName(archiveName);
  if (context.rules.get(bus, ruleName) !== undefined) {
    // A rule of the user's holds the managed rule's name (inferred wording: PutRule's duplicate).
    throw new ResourceAlreadyExistsException(`Rule ${ruleName} already exists.`);
  }
  const createdAt = context.clock.now();
  const archive = {
    name: archiveName,
    bus,
    retentionDays: retentionDays ?? 0,
    state: 'ENABLED' as const,
    createdAt,
    ...(description === undefined ? {} : { description }),
    ...(eventPattern === undefined ? {} : { eventPattern }),
    ...(kmsKeyIdentifier === undefined ? {} : { kmsKeyIdentifier }),
  };
  context.archives.create(archive);
  putArchiveRule(context, context.scope, { ...archive, eventCount: 0, sizeBytes: 0 });
  context.reroute();
  return {
    ArchiveArn: archiveArn(context.scope, archiveName),
    State: 'ENABLED',
    CreationTime: createdAt / 1000,
  };
}
