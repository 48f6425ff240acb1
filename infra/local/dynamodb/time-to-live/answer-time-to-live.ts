import type { Agent, IncomingHttpHeaders } from 'node:http';
import { checkTypes, checkValidations, type DynaliteValidationError } from 'dynalite/validations/index.js';
import { type DynaliteAnswer, dynaliteRequest } from './dynalite-request.js';
import { validationException } from './dynamodb-error.js';
import {
  DESCRIBE_TIME_TO_LIVE_TYPES,
  UPDATE_TIME_TO_LIVE_TYPES,
  type UpdateTimeToLiveInput,
} from './time-to-live-input.js';
import type { TimeToLiveSpecs } from './time-to-live-specs.js';

/** The two TTL operations the stack answers itself (dynalite has none of its own that works). */
export type TimeToLiveOperation = 'UpdateTimeToLive' | 'DescribeTimeToLive';

/** Which TTL operation an `X-Amz-Target` names, if any (TTL exists only in API 2012-08-10). */
export function timeToLiveOperation(target: string | string[] | undefined): TimeToLiveOperation | undefined {
  if (target === 'DynamoDB_20120810.UpdateTimeToLive') return 'UpdateTimeToLive';
  if (target === 'DynamoDB_20120810.DescribeTimeToLive') return 'DescribeTimeToLive';
  return undefined;
}

/** What an answer needs: dynalite's port, the specs, and the request as received. */
export interface TimeToLiveRequest {
  readonly port: number;
  /** The private listener's secret path prefix (`/<secret>`), which it requires. */
  readonly pathPrefix: string;
  readonly agent: Agent;
  readonly specs: TimeToLiveSpecs;
  readonly operation: TimeToLiveOperation;
  readonly headers: IncomingHttpHeaders;
  readonly path: string;
  readonly body: string;
}

const SIGNING_HEADERS = ['authorization', 'x-amz-date', 'date', 'x-amz-security-token'] as const;
const SERIALIZATION = { __type: 'com.amazon.coral.service#SerializationException' };

/**
 * Answers UpdateTimeToLive / DescribeTimeToLive in dynalite's order of checks: JSON, signature,
 * input types and constraints (dynalite's own validators, so the wording is DynamoDB's), the
 * table's existence (dynalite's DescribeTable answer, ResourceNotFoundException), then the
 * operation. TTL changes take effect at once: DynamoDB reports ENABLING/DISABLING for up to an hour
 * and refuses a second change within that hour; locally neither, so tests and scripts need no wait.
 */
export async function answerTimeToLive(request: TimeToLiveRequest): Promise<DynaliteAnswer> {
  let data: unknown;
  try {
    data = request.body === '' ? undefined : JSON.parse(request.body);
  } catch {
    return { status: 400, body: SERIALIZATION };
  }
  const tableName = (data as { TableName?: unknown } | undefined)?.TableName;
  const headers = Object.fromEntries(
    SIGNING_HEADERS.flatMap((name) =>
      request.headers[name] === undefined ? [] : [[name, request.headers[name]]],
    ),
  );
  const described = await dynaliteRequest({
    ...request,
    operation: 'DescribeTable',
    input: { TableName: tableName },
    auth: { headers, path: request.path },
  });
  const describedType = String(described.body.__type ?? '');
  if (described.status !== 200 && describedType.startsWith('com.amazon.coral.service#')) return described;
  if (data === undefined) return { status: 400, body: SERIALIZATION };
  const types =
    request.operation === 'UpdateTimeToLive' ? UPDATE_TIME_TO_LIVE_TYPES : DESCRIBE_TIME_TO_LIVE_TYPES;
  let input: Record<string, unknown>;
  try {
    input = checkTypes(data, types);
    checkValidations(input, types);
  } catch (error) {
    const { statusCode, body } = error as DynaliteValidationError;
    if (statusCode === undefined) throw error;
    return { status: statusCode, body };
  }
  if (described.status !== 200) return described;
  const tableId = String((described.body.Table as { TableId?: unknown } | undefined)?.TableId ?? '');
  return request.operation === 'UpdateTimeToLive'
    ? update(request.specs, input as unknown as UpdateTimeToLiveInput, tableId)
    : describe(request.specs, String(input.TableName), tableId);
}

function describe(specs: TimeToLiveSpecs, tableName: string, tableId: string): DynaliteAnswer {
  const spec = specs.get(tableName, tableId);
  const description =
    spec === undefined
      ? { TimeToLiveStatus: 'DISABLED' }
      : { TimeToLiveStatus: 'ENABLED', AttributeName: spec.attributeName };
  return { status: 200, body: { TimeToLiveDescription: description } };
}

function update(specs: TimeToLiveSpecs, input: UpdateTimeToLiveInput, tableId: string): DynaliteAnswer {
  const { AttributeName: attributeName, Enabled: enabled } = input.TimeToLiveSpecification;
  const current = specs.get(input.TableName, tableId);
  // DynamoDB's wording for a change that is no change, or that names another attribute than the
  // enabled one (recorded by users of the real service; see the report for the one inferred case).
  const problem =
    current !== undefined && current.attributeName !== attributeName
      ? `TimeToLive is active on a different AttributeName: current AttributeName is ${current.attributeName}`
      : enabled && current !== undefined
        ? 'TimeToLive is already enabled'
        : !enabled && current === undefined
          ? 'TimeToLive is already disabled'
          : undefined;
  if (problem !== undefined) {
    const error = validationException(problem);
    return { status: error.status, body: error.toBody() };
  }
  specs.set(input.TableName, enabled ? { attributeName, tableId } : undefined);
  return {
    status: 200,
    body: { TimeToLiveSpecification: { Enabled: enabled, AttributeName: attributeName } },
  };
}
