import { loadCatalog } from '../../../../rules/catalog/index.js';
import {
  checkCatalogSchemas,
  SchemaHistoryError,
  type SchemaVersionCheck,
} from '../../../../rules/schema-evolution/index.js';
import { CliError, exitCodes } from '../cli-error.js';
import type { CliIo } from '../cli-io.js';
import { parseFlags } from '../parse-flags.js';

function report(check: SchemaVersionCheck): string {
  const head =
    check.from === undefined
      ? `${check.file}: new schema at ${check.to}`
      : `${check.file}: ${check.from} -> ${check.to}, ${check.changes.length === 0 ? 'no change' : `needs ${check.needed}`}`;
  const lines = [
    `${check.problems.length === 0 ? 'ok  ' : 'FAIL'} ${head}`,
    ...check.changes.map((change) => `       ${change.kind}\t${change.path || '/'}\t${change.description}`),
    ...check.problems.map((problem) => `       problem\t${problem}`),
  ];
  if (check.needed === 'major') {
    lines.push(
      '       note\ta breaking change ships as a new detail-type or schema name (docs/schema-evolution.md)',
    );
  }
  return `${lines.join('\n')}\n`;
}

/**
 * `trackbridge schema check [--against <git-ref>]`: each catalog schema against its version at
 * the ref (default the main branch); exit 1 when a version bump is smaller than its changes need.
 */
export async function runSchemaCheckCommand(args: readonly string[], io: CliIo): Promise<number> {
  const { values } = parseFlags('schema check', args, { against: { type: 'string' } });
  let result: ReturnType<typeof checkCatalogSchemas>;
  try {
    result = checkCatalogSchemas(loadCatalog(), values.against);
  } catch (error) {
    if (error instanceof SchemaHistoryError)
      throw new CliError(error.message, exitCodes.usage, { cause: error });
    throw error;
  }
  for (const check of result.checks) io.out(report(check));
  const failed = result.checks.filter((check) => check.problems.length > 0).length;
  io.err(
    failed === 0
      ? `every schema version fits its changes since ${result.baseline}\n`
      : `${failed} schema(s) need a larger version bump since ${result.baseline}; raise x-trackbridge-schema-version\n`,
  );
  return failed === 0 ? exitCodes.ok : exitCodes.failed;
}
