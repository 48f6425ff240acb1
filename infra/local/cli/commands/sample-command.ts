import { catalogSamples, sampleOptions } from '../catalog-samples.js';
import { CliError } from '../cli-error.js';
import type { CliIo } from '../cli-io.js';
import { parseFlags } from '../parse-flags.js';

/**
 * `trackbridge sample <detail-type>`: details generated from the type's schema, one JSON per line;
 * with --invalid, `{"invalid", "reasons", "detail"}` where `reasons` are the ones its consumer
 * writes on the quarantine item. The seed goes to standard error so a run can be repeated.
 */
export async function runSampleCommand(args: readonly string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseFlags('sample', args, sampleOptions);
  const [detailType, ...extra] = positionals;
  if (detailType === undefined || extra.length > 0) {
    throw new CliError('give one detail-type, e.g. trackbridge sample "User Logged In" (quote it).');
  }
  const { seed, samples } = await catalogSamples(detailType, values);
  for (const sample of samples) {
    io.out(
      `${JSON.stringify(values.invalid ? { invalid: sample.invalid, reasons: sample.reasons, detail: sample.detail } : sample.detail)}\n`,
    );
  }
  io.err(`seed ${seed} (--seed ${seed} gives these samples again)\n`);
  return 0;
}
