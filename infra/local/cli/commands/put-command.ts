import { PutEventsCommand, type PutEventsRequestEntry } from '@aws-sdk/client-eventbridge';
import { catalogSamples, sampleOptions } from '../catalog-samples.js';
import { CliError, exitCodes } from '../cli-error.js';
import type { CliIo } from '../cli-io.js';
import { connectionOptions, eventBridgeClient, explainFailure, resolveConnection } from '../connection.js';
import { callLocalApi } from '../local-api-client.js';
import { parseFlags } from '../parse-flags.js';
import { readTime, readValue } from '../read-value.js';

function entriesFromFile(text: string, bus: string): PutEventsRequestEntry[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw new CliError(`--file is not JSON: ${(error as Error).message}`, exitCodes.usage, { cause: error });
  }
  const list = Array.isArray(parsed) ? parsed : [parsed];
  return list.map((item, index) => {
    if (typeof item !== 'object' || item === null) {
      throw new CliError(`--file entry ${index + 1} is not an object with Source, DetailType and Detail.`);
    }
    const entry = item as PutEventsRequestEntry & { Detail?: unknown };
    // A file may hold Detail as an object; PutEvents wants it as JSON text.
    const detail = typeof entry.Detail === 'string' ? entry.Detail : JSON.stringify(entry.Detail ?? {});
    return { EventBusName: bus, ...entry, Detail: detail };
  });
}

function entryFromFlags(
  values: Record<string, string | boolean | undefined>,
  bus: string,
): PutEventsRequestEntry {
  const {
    source,
    'detail-type': detailType,
    detail,
    time,
    resources,
  } = values as Record<string, string | undefined>;
  if (source === undefined || detailType === undefined) {
    throw new CliError('give --source and --detail-type (and --detail), or --file <entries.json>.');
  }
  return {
    EventBusName: bus,
    Source: source,
    DetailType: detailType,
    Detail: detail === undefined ? '{}' : readValue(detail, '--detail'),
    ...(time === undefined ? {} : { Time: readTime(time, '--time') }),
    ...(resources === undefined ? {} : { Resources: resources.split(',') }),
  };
}

/** What to send: PutEvents entries, or details an AWS service emits (an `aws-service` catalog type). */
interface Chosen {
  readonly entries: PutEventsRequestEntry[];
  /** An invalid sample's note says how it is broken. */
  readonly notes: (string | undefined)[];
  /** Set for an AWS-service type's samples: emitted on the default bus, as its service would. */
  readonly awsService?: { readonly source: string; readonly detailType: string };
}

/** Entries from --sample, --file or the flags of one event. */
async function chooseEntries(
  values: Record<string, string | boolean | undefined>,
  bus: string,
  io: CliIo,
): Promise<Chosen> {
  const { sample, file } = values as Record<string, string | undefined>;
  if (sample === undefined) {
    if (values.count !== undefined || values.seed !== undefined || values.invalid !== undefined) {
      throw new CliError('--count, --seed and --invalid go with --sample <detail-type>.');
    }
    const entries =
      file === undefined
        ? [entryFromFlags(values, bus)]
        : entriesFromFile(readValue(`@${file}`, '--file'), bus);
    return { entries, notes: [] };
  }
  if (file !== undefined || values.source !== undefined || values['detail-type'] !== undefined) {
    throw new CliError('give --sample <detail-type> alone, or --file, or --source and --detail-type.');
  }
  const { entry, seed, samples } = await catalogSamples(
    sample,
    values as { count?: string; seed?: string; invalid?: boolean },
  );
  const awsService = entry.origin === 'aws-service';
  // PutEvents refuses `aws.` sources (here as on AWS): on AWS only the service itself emits them.
  if (awsService && values.aws === true)
    throw new CliError(
      `"${entry.detailType}" comes from ${entry.source}, which PutEvents refuses on AWS; put --sample sends it to the local stack only (as emit-aws-event does).`,
    );
  io.err(`seed ${seed} (--seed ${seed} sends these samples again)\n`);
  return {
    entries: samples.map((generated) => ({
      EventBusName: bus,
      Source: entry.source,
      DetailType: entry.detailType,
      Detail: JSON.stringify(generated.detail),
    })),
    notes: samples.map((generated) => generated.invalid),
    ...(awsService ? { awsService: { source: entry.source, detailType: entry.detailType } } : {}),
  };
}

/**
 * `trackbridge put`: one event from flags, or the entries of a JSON file (sent 10 per PutEvents
 * call, AWS's limit), or samples generated from a catalog schema (`--sample`); prints each entry's
 * EventId or its error code and message.
 */
export async function runPutCommand(args: readonly string[], io: CliIo): Promise<number> {
  const { values } = parseFlags('put', args, {
    ...connectionOptions,
    bus: { type: 'string' },
    source: { type: 'string' },
    'detail-type': { type: 'string' },
    detail: { type: 'string' },
    time: { type: 'string' },
    resources: { type: 'string' },
    file: { type: 'string' },
    sample: { type: 'string' },
    ...sampleOptions,
  });
  const bus = values.bus ?? 'trackbridge';
  const { entries, notes, awsService } = await chooseEntries(values, bus, io);
  const connection = resolveConnection(values, io.env);
  if (awsService !== undefined) {
    // One local emit per sample, through the local-only route `emit-aws-event` uses.
    for (const [index, entry] of entries.entries()) {
      const answer = await callLocalApi<{ EventId: string }>(connection, {
        path: 'aws-events',
        method: 'POST',
        body: { Source: awsService.source, DetailType: awsService.detailType, Detail: entry.Detail },
      });
      const note = notes[index] === undefined ? '' : `\t${notes[index]}`;
      io.out(`${index + 1}\tok\t${answer.EventId}${note}\n`);
    }
    return exitCodes.ok;
  }
  const client = eventBridgeClient(connection);
  let failed = 0;
  try {
    for (let at = 0; at < entries.length; at += 10) {
      const result = await client.send(new PutEventsCommand({ Entries: entries.slice(at, at + 10) }));
      (result.Entries ?? []).forEach((entry, index) => {
        const n = at + index + 1;
        const note = notes[at + index] === undefined ? '' : `\t${notes[at + index]}`;
        if (entry.ErrorCode === undefined) io.out(`${n}\tok\t${entry.EventId}${note}\n`);
        else {
          failed++;
          io.out(`${n}\tfailed\t${entry.ErrorCode}: ${entry.ErrorMessage}\n`);
        }
      });
    }
  } catch (error) {
    throw explainFailure(error, connection);
  } finally {
    client.destroy();
  }
  if (failed > 0) io.err(`${failed} of ${entries.length} entries failed; fix them and put them again.\n`);
  return failed > 0 ? exitCodes.failed : exitCodes.ok;
}
