import { CliError } from '../cli-error.js';
import type { CliIo } from '../cli-io.js';
import { connectionOptions, resolveConnection } from '../connection.js';
import { callLocalApi } from '../local-api-client.js';
import { parseFlags } from '../parse-flags.js';
import { readTime, readValue } from '../read-value.js';

/**
 * `trackbridge emit-aws-event`: puts one event as an AWS service emits it (source `aws.…`) on the
 * local stack's default bus, through the local-only `POST /_trackbridge/aws-events`; PutEvents
 * refuses `aws.` sources, here as on AWS. Prints the event's id. Local only.
 */
export async function runEmitAwsEventCommand(args: readonly string[], io: CliIo): Promise<number> {
  const { values } = parseFlags('emit-aws-event', args, {
    ...connectionOptions,
    source: { type: 'string' },
    'detail-type': { type: 'string' },
    detail: { type: 'string' },
    time: { type: 'string' },
    resources: { type: 'string' },
  });
  const { source, 'detail-type': detailType, detail, time, resources } = values;
  if (source === undefined || detailType === undefined || detail === undefined)
    throw new CliError('give --source, --detail-type and --detail.');
  if (values.aws === true)
    throw new CliError(
      'AWS services emit their own events on AWS; emit-aws-event works with the local stack only.',
    );
  const connection = resolveConnection(values, io.env);
  const answer = await callLocalApi<{ EventId: string }>(connection, {
    path: 'aws-events',
    method: 'POST',
    body: {
      Source: source,
      DetailType: detailType,
      Detail: readValue(detail, '--detail'),
      ...(time === undefined ? {} : { Time: readTime(time, '--time').toISOString() }),
      ...(resources === undefined ? {} : { Resources: resources.split(',') }),
    },
  });
  io.out(`ok\t${answer.EventId}\n`);
  return 0;
}
