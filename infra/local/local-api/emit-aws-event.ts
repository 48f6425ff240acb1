import { randomUUID } from 'node:crypto';
import { buildEnvelope } from '../events/build-envelope.js';
import { parseDetail } from '../events/entry-error.js';
import { entrySize } from '../events/entry-size.js';
import type { EventsContext } from '../events/events-context.js';
import { LocalApiError } from './local-api-error.js';

/** What `POST /_trackbridge/aws-events` takes: one event as an AWS service would emit it. */
interface AwsEventRequest {
  readonly source: string;
  readonly detailType: string;
  readonly detailText: string;
  readonly resources: readonly string[];
  readonly time: number | undefined;
}

function refuse(message: string): never {
  throw new LocalApiError(400, message);
}

function readRequest(body: unknown): AwsEventRequest {
  if (typeof body !== 'object' || body === null || Array.isArray(body))
    refuse('The body must be a JSON object with Source, DetailType and Detail.');
  const { Source, DetailType, Detail, Resources, Time } = body as Record<string, unknown>;
  const known = new Set(['Source', 'DetailType', 'Detail', 'Resources', 'Time']);
  const unknown = Object.keys(body).filter((key) => !known.has(key));
  if (unknown.length > 0)
    refuse(`Unknown member ${unknown[0]}: give Source, DetailType, Detail, Resources, Time.`);
  if (typeof Source !== 'string' || !/^aws\.[a-z0-9.-]+$/.test(Source))
    refuse(
      'Source must be an AWS service\'s source, "aws." then the service (e.g. aws.signin); send application events with PutEvents.',
    );
  if (typeof DetailType !== 'string' || DetailType === '' || DetailType.length > 128)
    refuse('DetailType must be a string of 1 to 128 characters.');
  const detailText = typeof Detail === 'string' ? Detail : JSON.stringify(Detail ?? null);
  if (parseDetail(detailText) === undefined) refuse('Detail must be a JSON object (or its JSON text).');
  if (
    Resources !== undefined &&
    (!Array.isArray(Resources) || !Resources.every((r) => typeof r === 'string'))
  )
    refuse('Resources must be an array of ARN strings.');
  let time: number | undefined;
  if (Time !== undefined) {
    time = typeof Time === 'number' ? Time * 1000 : typeof Time === 'string' ? Date.parse(Time) : Number.NaN;
    if (!Number.isFinite(time)) refuse('Time must be an ISO-8601 time or epoch seconds.');
  }
  return {
    source: Source,
    detailType: DetailType,
    detailText,
    resources: (Resources as string[] | undefined) ?? [],
    time,
  };
}

/**
 * Local only: puts one AWS-service event (source `aws.…`) on the account's default bus, with the
 * envelope EventBridge gives events AWS services emit (`version`, a new `id`, `detail-type`,
 * `source`, the stack's `account`, `time`, the stack's `region`, `resources`, `detail`), bypassing
 * the refusal PutEvents gives `aws.` sources (NotAuthorizedForSourceException, as on AWS). It is
 * then routed, archived and delivered as any event on the default bus, so catalog types of origin
 * `aws-service` can be exercised locally through their forwarding rule. AWS has no such API.
 */
export async function emitAwsEvent(context: EventsContext, body: unknown): Promise<{ EventId: string }> {
  const request = readRequest(body);
  const size = entrySize({
    hasTime: request.time !== undefined,
    source: request.source,
    detailType: request.detailType,
    detail: request.detailText,
    resources: request.resources,
  });
  if (size > context.maxEntriesBytes)
    refuse(`The event is ${size} bytes, over the limit of ${context.maxEntriesBytes}.`);
  const id = randomUUID();
  const receivedAt = context.clock.now();
  const time = request.time ?? receivedAt;
  const envelope = buildEnvelope({
    id,
    detailType: request.detailType,
    source: request.source,
    account: context.scope.accountId,
    time,
    region: context.scope.region,
    resources: request.resources,
    detailText: request.detailText,
  });
  const deliveries = context.router.route('default', envelope);
  if (deliveries === undefined) refuse('Detail is malformed: the event is too large or too deep to match.');
  const archives = context.router.archivesFor('default', envelope);
  await context.eventLog.append([{ id, bus: 'default', time, receivedAt, envelope, deliveries, archives }]);
  return { EventId: id };
}
