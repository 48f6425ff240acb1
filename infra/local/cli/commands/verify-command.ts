import type { VerifyReport } from '../../stack/table-verifier.js';
import { CliError, exitCodes } from '../cli-error.js';
import type { CliIo } from '../cli-io.js';
import { connectionOptions, resolveConnection } from '../connection.js';
import { callLocalApi } from '../local-api-client.js';
import { parseFlags } from '../parse-flags.js';
import { readTime } from '../read-value.js';

/**
 * `trackbridge verify [--from <time>] [--to <time>] [--fix]`: compares the local table with the
 * event log (every item a delivered event's consumer wrote, by the key the log recorded) and, with
 * --fix, redelivers the events whose item is missing. Exit 1 when items are missing and not fixed.
 */
export async function runVerifyCommand(args: readonly string[], io: CliIo): Promise<number> {
  const { values } = parseFlags('verify', args, {
    ...connectionOptions,
    from: { type: 'string' },
    to: { type: 'string' },
    fix: { type: 'boolean' },
    json: { type: 'boolean' },
  });
  if (values.aws)
    throw new CliError('verify works with the local stack only (it reads the local event log).');
  const connection = resolveConnection(values, io.env);
  const body = {
    ...(values.from === undefined ? {} : { from: readTime(values.from, '--from').getTime() }),
    ...(values.to === undefined ? {} : { to: readTime(values.to, '--to').getTime() }),
    fix: values.fix === true,
  };
  const report = await callLocalApi<VerifyReport>(connection, { path: 'verify', method: 'POST', body });
  if (values.json) {
    io.out(`${JSON.stringify(report)}\n`);
  } else {
    io.out(`Checked ${report.checked} delivered items: ${report.missing} missing from the table.\n`);
    for (const item of report.sample) io.out(`  missing\t${item.eventId}\t${item.pk}\t${item.sk}\n`);
    if (report.missing > report.sample.length)
      io.out(`  ... and ${report.missing - report.sample.length} more\n`);
    if (report.redelivered > 0)
      io.out(`Redelivering ${report.redelivered}; follow them with \`trackbridge tail\`.\n`);
    else if (report.missing > 0) io.out('Run with --fix to redeliver them.\n');
  }
  return report.missing > 0 && report.redelivered < report.missing ? exitCodes.failed : exitCodes.ok;
}
