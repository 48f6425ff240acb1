import fc from 'fast-check';
import { SCHEMA_KEYWORDS } from '../../rules/catalog/index.js';
import type { EventValidatorModule } from '../pipeline/event-validator.js';
import { type QuarantineReason, reasonsFromAjv } from '../pipeline/quarantine-reason.js';
import { syntheticEnvelope } from '../pipeline/synthetic-envelope.js';
import { detailArbitrary } from './detail-arbitrary.js';
import { detailMutations } from './detail-mutations.js';

/** How many samples, from which seed: the same seed gives the same samples. */
export interface SampleOptions {
  readonly count: number;
  readonly seed: number;
}

/** A detail its consumer refuses, how it was broken, and the reasons the consumer quarantines it with. */
export interface InvalidSample {
  readonly invalid: string;
  readonly reasons: readonly QuarantineReason[];
  readonly detail: Record<string, unknown>;
}

type Schema = Readonly<Record<string, unknown>>;

/**
 * The seed of one type's samples: the given seed mixed with the type's detail-type (FNV-1a), so
 * that one seed does not give two types the same eventIds (idempotency keys are global).
 */
function typeSeed(schema: Schema, seed: number): number {
  let hash = 0x811c9dc5;
  for (const char of String(schema[SCHEMA_KEYWORDS.detailType] ?? '')) {
    hash = Math.imul(hash ^ (char.codePointAt(0) ?? 0), 0x01000193);
  }
  return (hash ^ seed) | 0;
}

/** `count` details valid against the schema, deterministic per seed. */
export function validSamples(schema: Schema, options: SampleOptions): Record<string, unknown>[] {
  return fc.sample(detailArbitrary(schema), {
    seed: typeSeed(schema, options.seed),
    numRuns: options.count,
  }) as Record<string, unknown>[];
}

/**
 * `count` details that the type's generated validator refuses, each a valid sample broken one way,
 * with the reasons the validator gives inside an envelope as EventBridge delivers it: the
 * `reasons` its consumer writes on the quarantine item (paths under `/detail`).
 */
export function invalidSamples(
  schema: Schema,
  validator: EventValidatorModule,
  options: SampleOptions,
): InvalidSample[] {
  const { source, detailType } = validator.schemaIdentity;
  const pairs = fc.sample(fc.tuple(detailArbitrary(schema), fc.nat()), {
    seed: typeSeed(schema, options.seed),
    numRuns: options.count,
  }) as [Record<string, unknown>, number][];
  return pairs.map(([valid, pick]) => {
    const candidates = detailMutations(schema, valid);
    // From the pick on, the first candidate the validator does refuse (each does for the catalog).
    for (let offset = 0; offset < candidates.length; offset++) {
      const mutation = candidates[(pick + offset) % candidates.length];
      if (mutation === undefined) break;
      const detail = mutation.apply(valid);
      if (!validator.validate(syntheticEnvelope(source, detailType, detail))) {
        return {
          invalid: mutation.description,
          reasons: reasonsFromAjv(validator.validate.errors ?? []),
          detail,
        };
      }
    }
    throw new Error(`no way found to make a ${detailType} sample invalid`);
  });
}
