import { filterRules } from '../../replay/filter-rules.js';
import { archiveArn, replayArn, resourceNameOf } from '../arns.js';
import { assertConstraints } from '../constraints.js';
import { LimitExceededException, ResourceAlreadyExistsException, ValidationException } from '../errors.js';
import type { EventsContext } from '../events-context.js';
import { InputReader } from '../input-reader.js';
import { existingBus } from '../lookups.js';
import { modelConstraints, required } from '../model-constraints.js';

/** At most 10 replays may be active per account and region (aws-behaviour.md §5.3, §8). */
const maxActiveReplays = 10;

function readInput(body: unknown) {
  const input = InputReader.of(body);
  const destination = input.object('Destination');
  const fields = {
    name: input.string('ReplayName'),
    description: input.string('Description'),
    sourceArn: input.string('EventSourceArn'),
    start: input.timestamp('EventStartTime'),
    end: input.timestamp('EventEndTime'),
    destinationArn: destination?.string('Arn'),
    filterArns: destination?.stringList('FilterArns'),
  };
  assertConstraints([
    { path: 'replayName', value: fields.name, constraint: required(modelConstraints.ReplayName) },
    { path: 'description', value: fields.description, constraint: modelConstraints.ReplayDescription },
    { path: 'eventSourceArn', value: fields.sourceArn, constraint: required(modelConstraints.ArchiveArn) },
    { path: 'eventStartTime', value: fields.start, constraint: { required: true } },
    { path: 'eventEndTime', value: fields.end, constraint: { required: true } },
    { path: 'destination', value: destination, constraint: { required: true } },
    ...(destination === undefined
      ? []
      : [
          {
            path: 'destination.arn',
            value: fields.destinationArn,
            constraint: required(modelConstraints.Arn),
          },
        ]),
    ...(fields.filterArns ?? []).map((arn, index) => ({
      path: `destination.filterArns.${index + 1}.member`,
      value: arn,
      constraint: modelConstraints.Arn,
    })),
  ]);
  return fields;
}

/**
 * StartReplay: checks everything first, in the order AWS reports them (the replay name, the
 * window, the archive, the destination, recorded §5.2 and in an emulator suite validated against
 * AWS), then records the replay as STARTING and returns at once; the replay runner moves it
 * through RUNNING to COMPLETED asynchronously. Nothing is started when any check fails.
 */
export function startReplay(context: EventsContext, body: unknown): object {
  const input = readInput(body);
  const name = input.name ?? '';
  if (context.replays.get(name) !== undefined)
    throw new ResourceAlreadyExistsException(`Replay ${name} already exists.`);
  const start = input.start ?? 0;
  const end = input.end ?? 0;
  if (start >= end) {
    throw new ValidationException(
      'Parameter EventEndTime is not valid. Reason: EventStartTime must be before EventEndTime.',
    );
  }
  const sourceArn = input.sourceArn ?? '';
  const archiveName =
    resourceNameOf(sourceArn, 'archive', { scope: context.scope, member: 'EventSourceArn' }) ??
    sourceArn.slice(sourceArn.lastIndexOf('/') + 1);
  const archive = context.archives.get(archiveName);
  if (archive === undefined) {
    throw new ValidationException(
      `Parameter EventSourceArn is not valid. Reason: Archive ${archiveName} does not exist.`,
    );
  }
  const destinationArn = input.destinationArn ?? '';
  const destinationBus = resourceNameOf(destinationArn, 'event-bus', {
    scope: context.scope,
    member: 'Destination.Arn',
  });
  if (destinationBus === undefined) {
    // moto's wording for a destination that is not a bus ARN; AWS's was not recorded.
    throw new ValidationException(
      'Parameter Destination.Arn is not valid. Reason: Must contain an event bus ARN.',
    );
  }
  const bus = existingBus(context, destinationBus);
  if (archive.bus !== bus) {
    throw new ValidationException(
      'Parameter Destination.Arn is not valid. Reason: Cross event bus replay is not permitted.',
    );
  }
  const rules = input.filterArns === undefined ? undefined : filterRules(context, bus, input.filterArns);
  // Where AWS checks the limit among the others is not recorded; last, as nothing else depends on it.
  if (context.replays.countActive() >= maxActiveReplays) throw new LimitExceededException();
  const startedAt = context.clock.now();
  context.replays.insert({
    name,
    archive: archive.name,
    archiveArn: archiveArn(context.scope, archive.name),
    bus,
    state: 'STARTING',
    eventStartTime: start,
    eventEndTime: end,
    destination: {
      Arn: destinationArn,
      ...(input.filterArns === undefined ? {} : { FilterArns: input.filterArns }),
    },
    replayedCount: 0,
    startedAt,
    ...(input.description === undefined ? {} : { description: input.description }),
    ...(rules === undefined ? {} : { filterRules: rules }),
  });
  context.replaysChanged();
  return { ReplayArn: replayArn(context.scope, name), State: 'STARTING', ReplayStartTime: startedAt / 1000 };
}
