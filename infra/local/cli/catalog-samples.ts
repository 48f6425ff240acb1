import { randomInt } from 'node:crypto';
import type { EventValidatorModule } from '../../../consumers/pipeline/event-validator.js';
import type { QuarantineReason } from '../../../consumers/pipeline/quarantine-reason.js';
import { invalidSamples, validSamples } from '../../../consumers/samples/sample-details.js';
import { UnsupportedSchemaError } from '../../../consumers/samples/unsupported-schema-error.js';
import {
  type CatalogEntry,
  EVENT_VALIDATOR_FILES,
  loadCatalog,
  readEventSchema,
  resolveCatalogPath,
} from '../../../rules/catalog/index.js';
import { CliError } from './cli-error.js';

/** One generated detail; an invalid one says how it was broken and why its consumer refuses it. */
export interface CatalogSample {
  readonly detail: Record<string, unknown>;
  readonly invalid?: string;
  readonly reasons?: readonly QuarantineReason[];
}

/** The flags `sample` and `put --sample` share. */
export const sampleOptions = {
  count: { type: 'string' },
  seed: { type: 'string' },
  invalid: { type: 'boolean' },
} as const;

const MAX_COUNT = 10_000;

function integerFlag(value: string, flag: string, min: number, max: number): number {
  const number = Number(value);
  if (!/^-?\d+$/.test(value) || number < min || number > max) {
    throw new CliError(`${flag} must be an integer from ${min} to ${max}, not "${value}".`);
  }
  return number;
}

/**
 * Samples of a catalog type from its schema (see consumers/samples): the catalog entry, the seed
 * used (a random one when none is given, so that it can be repeated) and the samples.
 */
export async function catalogSamples(
  detailType: string,
  values: { count?: string; seed?: string; invalid?: boolean },
): Promise<{ entry: CatalogEntry; seed: number; samples: CatalogSample[] }> {
  const catalog = loadCatalog();
  const entry = catalog.find((candidate) => candidate.detailType === detailType);
  if (entry === undefined) {
    const known = catalog.map((candidate) => `"${candidate.detailType}"`).join(', ');
    throw new CliError(`"${detailType}" is not a detail-type of the catalog; it has ${known}.`);
  }
  // The type's own generated validator (AWS-service types are not in the producer's catalog).
  const validator = (await import(
    resolveCatalogPath(EVENT_VALIDATOR_FILES.js.path(entry))
  )) as EventValidatorModule;
  const count = values.count === undefined ? 1 : integerFlag(values.count, '--count', 1, MAX_COUNT);
  const seed =
    values.seed === undefined
      ? randomInt(2 ** 31)
      : integerFlag(values.seed, '--seed', -(2 ** 31), 2 ** 31 - 1);
  const schema = readEventSchema(entry.schema.file).document;
  try {
    const samples = values.invalid
      ? invalidSamples(schema, validator, { count, seed })
      : validSamples(schema, { count, seed }).map((detail) => ({ detail }));
    return { entry, seed, samples };
  } catch (error) {
    if (error instanceof UnsupportedSchemaError) throw new CliError(`${entry.schema.file}: ${error.message}`);
    throw error;
  }
}
