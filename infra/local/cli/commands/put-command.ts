import { PutEventsCommand, type PutEventsRequestEntry } from '@aws-sdk/client-eventbridge';
import { catalogSamples, sampleOptions } from '../catalog-samples.js';
import { CliError, exitCodes } from '../cli-error.js';
import type { CliIo } from '../cli-io.js';
import { connectionOptions, eventBridgeClient, explainFailure, resolveConnection } from '../connection.js';
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

/** Entries from --sample, --file or the flags of one event; an invalid sample's note says how it is broken. */
function chooseEntries(
  values: Record<string, string | boolean | undefined>,
  bus: string,
  io: CliIo,
): { entries: PutEventsRequestEntry[]; notes: (string | undefined)[] } {
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
  const { entry, seed, samples } = catalogSamples(
    sample,
    values as { count?: string; seed?: string; invalid?: boolean },
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
  const { entries, notes } = chooseEntries(values, bus, io);
  const connection = resolveConnection(values, io.env);
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
