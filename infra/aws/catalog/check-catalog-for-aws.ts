import { readFileSync } from 'node:fs';
import { MAX_TOTAL_RESERVED_CONCURRENCY } from '../../../rules/catalog/catalog-defaults.js';
import {
  type CatalogEntry,
  defaultArchive,
  resolveCatalogPath,
  validateCatalog,
} from '../../../rules/catalog/index.js';
import { unroutedOverlapProblems } from '../../../rules/catalog/unrouted-overlap-problems.js';
import { unroutedPattern } from '../../../rules/catalog/unrouted-pattern.js';
import { UNROUTED_ROUTE } from '../../../rules/catalog/unrouted-route.js';
import { compileEventPattern } from '../../../rules/pattern/index.js';
import { forwardRuleName } from '../bus/default-bus-forwarding.js';
import { routeNames } from '../consumer/route-names.js';
import { CatalogDeploymentError } from './catalog-deployment-error.js';

// Limits of names the CDK app derives [botocore models: lambda FunctionName, events ArchiveName].
// Queue names are the function name plus at most 7 characters of the same alphabet, so a valid
// function name keeps them within SQS's 80.
const functionName = {
  pattern: /^[A-Za-z0-9_-]{1,64}$/,
  what: 'a Lambda function name (1-64 of A-Za-z0-9_-)',
};
// PutRule `Name` [botocore events model, RuleName].
const ruleName = {
  pattern: /^[.\-_A-Za-z0-9]{1,64}$/,
  what: 'an EventBridge rule name (1-64 of .-_A-Za-z0-9)',
};
const archiveName = {
  pattern: /^[.\-_A-Za-z0-9]{1,48}$/,
  what: 'an EventBridge archive name (1-48 of .-_A-Za-z0-9)',
};
// CreateSchema `Content` is 1-100,000 characters [botocore schemas model].
const maxSchemaLength = 100_000;

/** The archive of the bus, named as the local stack names it (`rules/catalog/default-archive.ts`). */
export function archiveNameOf(busName: string): string {
  return defaultArchive(busName).name;
}

/**
 * Checks a catalog before anything is synthesized: first what the catalog itself requires
 * (`validateCatalog`: names, retry policy, a pattern EventBridge accepts, schema, consumer module,
 * duplicates), then what only the CDK app knows: that all entries share the stack's one bus, that
 * the names it derives fit AWS's limits, that each schema fits the registry, and that the unrouted
 * catch-all is valid and disjoint from the catalog's rules.
 * @throws CatalogError from the catalog, or CatalogDeploymentError naming the entry.
 */
export function checkCatalogForAws(entries: readonly CatalogEntry[]): void {
  const first = entries[0];
  if (first === undefined)
    throw new CatalogDeploymentError('The catalog is empty: there is nothing to deploy.');
  validateCatalog(entries);
  check(first, nameProblem(archiveNameOf(first.busName), archiveName));
  for (const entry of entries) {
    const sameBus = entry.busName === first.busName;
    check(
      entry,
      sameBus ? undefined : `its bus ${entry.busName} is not ${first.busName}, the stack's one bus`,
    );
    check(entry, nameProblem(routeNames(entry).functionName, functionName));
    check(entry, schemaProblem(entry.schema.file));
    if (entry.origin === 'aws-service') check(entry, nameProblem(forwardRuleName(entry), ruleName));
    const unroutedName =
      entry.ruleName === UNROUTED_ROUTE.ruleName || entry.consumer.name === UNROUTED_ROUTE.consumer.name;
    check(entry, unroutedName ? `"${UNROUTED_ROUTE.ruleName}" names the stack's catch-all route` : undefined);
  }
  checkUnroutedRoute(entries);
}

/**
 * The catch-all route the stack adds: its pattern must be one EventBridge accepts (at most 4096
 * characters, so very large catalogs must group types), its consumer's reservation must fit beside
 * the catalog's, and it must never catch an event of a catalog type.
 */
function checkUnroutedRoute(entries: readonly CatalogEntry[]): void {
  const pattern = unroutedPattern(entries);
  try {
    compileEventPattern(pattern);
  } catch (error) {
    throw new CatalogDeploymentError(
      `The unrouted rule's pattern for this catalog is refused: ${error instanceof Error ? error.message : error}`,
    );
  }
  const reserved =
    entries.reduce((sum, entry) => sum + entry.consumer.reservedConcurrency, 0) +
    UNROUTED_ROUTE.consumer.reservedConcurrency;
  if (reserved > MAX_TOTAL_RESERVED_CONCURRENCY) {
    throw new CatalogDeploymentError(
      `The consumers and the unrouted consumer reserve ${reserved} concurrent executions; at most ${MAX_TOTAL_RESERVED_CONCURRENCY}.`,
    );
  }
  const overlaps = unroutedOverlapProblems(entries, pattern, UNROUTED_ROUTE.ruleName);
  if (overlaps.length > 0) {
    throw new CatalogDeploymentError(`The unrouted rule overlaps the catalog:\n- ${overlaps.join('\n- ')}`);
  }
}

function check(entry: CatalogEntry, problem: string | undefined): void {
  if (problem === undefined) return;
  throw new CatalogDeploymentError(
    `Catalog entry ${entry.ruleName} (${entry.detailType}) cannot be deployed: ${problem}.`,
  );
}

function nameProblem(name: string, rule: { pattern: RegExp; what: string }): string | undefined {
  if (rule.pattern.test(name)) return undefined;
  return `${JSON.stringify(name)} (${name.length} characters) is not ${rule.what}`;
}

function schemaProblem(file: string): string | undefined {
  const length = readFileSync(resolveCatalogPath(file), 'utf8').length;
  if (length <= maxSchemaLength) return undefined;
  return `its schema ${file} is ${length} characters; the schema registry accepts at most ${maxSchemaLength}`;
}
