import { describe, expect, it } from 'vitest';
import { loadCatalog } from '../../../rules/catalog/index.js';
import { checkCatalogSchemas, SchemaHistoryError } from '../../../rules/schema-evolution/index.js';
import { runCliInProcess } from '../../support/run-cli-in-process.js';

/** The check against the main branch, or why it cannot run here (no git, a shallow clone…). */
function checkOrReason(): ReturnType<typeof checkCatalogSchemas> | string {
  try {
    return checkCatalogSchemas(loadCatalog());
  } catch (error) {
    if (error instanceof SchemaHistoryError)
      return `schema check cannot read the main branch: ${error.message}`;
    throw error;
  }
}

describe('the catalog against the main branch (what `trackbridge schema check` runs in npm test)', () => {
  it('finds every schema version raised at least as much as its changes need', (context) => {
    const result = checkOrReason();
    if (typeof result === 'string') return context.skip(result);
    const failures = result.checks.filter((check) => check.problems.length > 0);
    expect(failures, JSON.stringify(failures, null, 2)).toEqual([]);
    expect(result.checks.map((check) => check.file)).toEqual(loadCatalog().map((entry) => entry.schema.file));
  });

  it('`trackbridge schema check` exits 0 and says what it compared with', async (context) => {
    const result = checkOrReason();
    if (typeof result === 'string') return context.skip(result);
    const { code, stdout: out, stderr: err } = await runCliInProcess(['schema', 'check']);
    expect(code).toBe(0);
    expect(out.split('\n').filter((line) => line.startsWith('ok   '))).toHaveLength(loadCatalog().length);
    expect(err).toBe(`every schema version fits its changes since ${result.baseline}\n`);
  });

  it('`trackbridge schema check --against` an unknown ref exits 2 naming it', async (context) => {
    if (typeof checkOrReason() === 'string') return context.skip('no git repository here');
    const { code, stderr: err } = await runCliInProcess(['schema', 'check', '--against', 'no-such-ref-h10']);
    expect(code).toBe(2);
    expect(err).toContain('no-such-ref-h10 is not a commit here');
  });
});
