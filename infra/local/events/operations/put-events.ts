import { randomUUID } from 'node:crypto';
import type { LoggedEvent } from '../../store/event-log.js';
import { busArn as busArnOf, busNameOf } from '../arns.js';
import { buildEnvelope } from '../build-envelope.js';
import { assertConstraints, type MemberCheck } from '../constraints.js';
import { describeEntries } from '../describe-entries.js';
import { type EntryError, entryError, malformedDetail, parseDetail, throttledEntry } from '../entry-error.js';
import { entrySize } from '../entry-size.js';
import { ThrottlingException, ValidationException } from '../errors.js';
import type { EventsContext } from '../events-context.js';
import { InputReader } from '../input-reader.js';
import { shapeDeliveries } from '../input-shaping/shape-deliveries.js';
import { modelConstraints, required } from '../model-constraints.js';

type ResultEntry = { EventId: string } | EntryError;

function readEntries(input: InputReader): InputReader[] | undefined {
  return input.list('Entries')?.map((item, index) => InputReader.of(item, `Entries.${index + 1}`));
}

function validateRequest(input: InputReader, entries: InputReader[] | undefined): void {
  const checks: MemberCheck[] = [
    {
      path: 'entries',
      value: entries,
      constraint: required(modelConstraints.PutEventsRequestEntryList),
      ...(entries === undefined ? {} : { display: describeEntries(entries) }),
    },
    { path: 'endpointId', value: input.string('EndpointId'), constraint: modelConstraints.EndpointId },
  ];
  (entries ?? []).forEach((entry, index) => {
    const at = `entries.${index + 1}.member`;
    checks.push(
      {
        path: `${at}.eventBusName`,
        value: entry.string('EventBusName'),
        constraint: modelConstraints.NonPartnerEventBusNameOrArn,
      },
      {
        path: `${at}.traceHeader`,
        value: entry.string('TraceHeader'),
        constraint: modelConstraints.TraceHeader,
      },
    );
  });
  assertConstraints(checks);
}

function totalSize(entries: readonly InputReader[]): number {
  return entries.reduce((sum, entry) => {
    const source = entry.string('Source');
    const detailType = entry.string('DetailType');
    const detail = entry.string('Detail');
    const resources = entry.stringList('Resources');
    return (
      sum +
      entrySize({
        hasTime: entry.timestamp('Time') !== undefined,
        ...(source === undefined ? {} : { source }),
        ...(detailType === undefined ? {} : { detailType }),
        ...(detail === undefined ? {} : { detail }),
        ...(resources === undefined ? {} : { resources }),
      })
    );
  }, 0);
}

/**
 * PutEvents: whole-call checks (model constraints, total size), then per-entry results in request
 * order. Accepted events on an existing bus are appended to the durable log together with one
 * pending delivery per matched target; the call answers only once that commit is done, and never
 * waits for a consumer. An unknown bus is not an error: the entry gets an id and is dropped (§1.5).
 */
export async function putEvents(context: EventsContext, body: unknown): Promise<object> {
  const input = InputReader.of(body);
  const entries = readEntries(input);
  validateRequest(input, entries);
  const accepted = entries ?? [];
  if (totalSize(accepted) > context.maxEntriesBytes) {
    throw new ValidationException('Total size of the entries in the request is over the limit.');
  }
  // Read before any entry is taken: a bus ARN of another Region or account fails the whole call.
  const site = { scope: context.scope, member: 'EventBusName' };
  const buses = accepted.map((entry) => busNameOf(entry.string('EventBusName'), site));
  context.putEventsFaults?.takeCallFault();
  // Back-pressure: a call arriving while every pending-delivery slot is taken is throttled whole,
  // as AWS throttles calls over its PutEvents quota; see `throttledEntry` for the per-target case.
  if (context.pending?.full()) throw new ThrottlingException();
  const taken = new Map<string, number>();
  const receivedAt = context.clock.now();
  const logged: LoggedEvent[] = [];
  const results: ResultEntry[] = accepted.map((entry, index) => {
    const detailText = entry.string('Detail');
    const detail = detailText ? parseDetail(detailText) : undefined;
    const error = entryError(entry, detail);
    if (error !== undefined) return error;
    const injected = context.putEventsFaults?.takeEntryFault();
    if (injected !== undefined) return injected;
    const id = randomUUID();
    const bus = buses[index] ?? 'default';
    if (context.buses.get(bus) === undefined) {
      const dropped = {
        id,
        bus,
        source: entry.string('Source') ?? '',
        detailType: entry.string('DetailType') ?? '',
      };
      context.droppedOnUnknownBus?.(dropped);
      return { EventId: id };
    }
    const time = entry.timestamp('Time') ?? receivedAt;
    const fields = {
      id,
      detailType: entry.string('DetailType') ?? '',
      source: entry.string('Source') ?? '',
      account: context.senderAccount ?? context.scope.accountId,
      time,
      region: context.scope.region,
      resources: entry.stringList('Resources') ?? [],
      detailText: detailText ?? '{}',
    };
    const envelope = buildEnvelope(fields);
    const routed = context.router.route(bus, envelope);
    if (routed === undefined) return malformedDetail;
    if (context.pending !== undefined && context.pending.admit(routed, taken) !== 'admitted')
      return throttledEntry;
    const busArn = busArnOf(context.scope, bus);
    const deliveries = shapeDeliveries(routed, envelope, { busArn, ingestionTime: receivedAt });
    const archives = context.router.archivesFor(bus, envelope);
    logged.push({ id, bus, time, receivedAt, envelope, deliveries, archives });
    return { EventId: id };
  });
  await context.eventLog.append(logged);
  const failed = results.filter((result) => 'ErrorCode' in result).length;
  return { FailedEntryCount: failed, Entries: results };
}
