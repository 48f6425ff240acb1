import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { CatalogEntry } from '../../../rules/catalog/catalog-entry.js';
import { routeNames } from '../consumer/route-names.js';
import { CatalogDeploymentError } from './catalog-deployment-error.js';

/** Where catalog paths are resolved. */
export interface CatalogCheckOptions {
  readonly repoRoot: string;
}

// Limits of the resources an entry becomes [botocore models: lambda FunctionName, events Target Id /
// ArchiveName / EventPattern, schemas CreateSchema Content]. Queue names are the function name plus at
// most 7 characters of the same alphabet, so a valid function name keeps them within SQS's 80.
const functionName = {
  pattern: /^[A-Za-z0-9_-]{1,64}$/,
  what: 'a Lambda function name (1-64 of A-Za-z0-9_-)',
};
const targetId = {
  pattern: /^[.\-_A-Za-z0-9]{1,64}$/,
  what: 'an EventBridge target Id (1-64 of .-_A-Za-z0-9)',
};
const archiveName = {
  pattern: /^[.\-_A-Za-z0-9]{1,48}$/,
  what: 'an EventBridge archive name (1-48 of .-_A-Za-z0-9)',
};
const maxPatternLength = 4096;
const maxSchemaLength = 100_000;
const draft04 = /^http:\/\/json-schema\.org\/draft-04\/schema#?$/;

/** The archive of the bus: `<bus>-archive`. */
export function archiveNameOf(busName: string): string {
  return `${busName}-archive`;
}

/**
 * Checks what the catalog loader cannot know: that every name the CDK app derives from an entry fits
 * AWS's limits, that the files it bundles or uploads exist and fit, and that all entries share one bus.
 * @throws CatalogDeploymentError naming the first entry that cannot be deployed.
 */
export function checkCatalogForAws(entries: readonly CatalogEntry[], options: CatalogCheckOptions): void {
  const first = entries[0];
  if (first === undefined)
    throw new CatalogDeploymentError('The catalog is empty: there is nothing to deploy.');
  check(first, nameProblem(archiveNameOf(first.busName), archiveName));
  const seen = { rules: new Set<string>(), consumers: new Set<string>() };
  for (const entry of entries) {
    check(
      entry,
      entry.busName === first.busName
        ? undefined
        : `its bus ${entry.busName} is not ${first.busName}, the stack's one bus`,
    );
    check(entry, seen.rules.has(entry.ruleName) ? `rule name ${entry.ruleName} is used twice` : undefined);
    check(
      entry,
      seen.consumers.has(entry.consumer.name) ? `consumer ${entry.consumer.name} is used twice` : undefined,
    );
    seen.rules.add(entry.ruleName);
    seen.consumers.add(entry.consumer.name);
    const names = routeNames(entry);
    check(entry, nameProblem(names.functionName, functionName));
    check(entry, nameProblem(names.targetId, targetId));
    check(entry, patternProblem(entry.eventPattern));
    check(entry, fileProblem(options.repoRoot, 'consumer entry', entry.consumer.entry));
    check(entry, fileProblem(options.repoRoot, 'schema file', entry.schema.file));
    check(entry, schemaProblem(resolve(options.repoRoot, entry.schema.file)));
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

function patternProblem(text: string): string | undefined {
  if (text.length > maxPatternLength) {
    return `its event pattern is ${text.length} characters; EventBridge accepts at most ${maxPatternLength}`;
  }
  const parsed = parseJson(text);
  if (parsed === undefined || typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    return 'its event pattern is not a JSON object';
  }
  return undefined;
}

function fileProblem(root: string, what: string, path: string): string | undefined {
  return existsSync(resolve(root, path)) ? undefined : `its ${what} ${path} does not exist`;
}

function schemaProblem(path: string): string | undefined {
  const text = readFileSync(path, 'utf8');
  if (text.length > maxSchemaLength) {
    return `its schema is ${text.length} characters; the schema registry accepts at most ${maxSchemaLength}`;
  }
  const schema = parseJson(text);
  if (typeof schema !== 'object' || schema === null || Array.isArray(schema)) {
    return `its schema ${path} is not a JSON object`;
  }
  const declared: unknown = (schema as Record<string, unknown>).$schema;
  if (declared !== undefined && (typeof declared !== 'string' || !draft04.test(declared))) {
    return `its schema declares $schema ${JSON.stringify(declared)}; the registry type JSONSchemaDraft4 needs draft-04`;
  }
  return undefined;
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
