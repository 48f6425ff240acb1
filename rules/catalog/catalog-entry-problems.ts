import { existsSync } from 'node:fs';
import { type CompiledPattern, compileEventPattern } from '../pattern/index.js';
import { MAX_TOTAL_RESERVED_CONCURRENCY } from './catalog-defaults.js';
import type { CatalogEntry, RetryPolicy } from './catalog-entry.js';
import type { SchemaAjv } from './create-schema-ajv.js';
import { readEventSchema } from './read-event-schema.js';
import { resolveCatalogPath } from './resolve-catalog-path.js';

// PutRule `Name` and PutTargets `Id`: 1-64 of [.-_A-Za-z0-9] (botocore events model, RuleName).
const RULE_NAME = /^[.\-_A-Za-z0-9]{1,64}$/;
// EventBusName: 1-256 of [/.-_A-Za-z0-9] (botocore events model, EventBusName).
const BUS_NAME = /^[/.\-_A-Za-z0-9]{1,256}$/;
// Lambda FunctionName (the consumer is also a local function name): 1-64 of [A-Za-z0-9_-].
const FUNCTION_NAME = /^[A-Za-z0-9_-]{1,64}$/;
// The EventBridge user guide caps `detail-type` at 128 characters.
const MAX_DETAIL_TYPE_LENGTH = 128;

/** Every problem of one entry on its own (no cross-entry checks), as readable sentences. */
export function catalogEntryProblems(entry: CatalogEntry, ajv: SchemaAjv): string[] {
  return [
    ...identityProblems(entry),
    ...retryPolicyProblems(entry.retryPolicy),
    ...patternProblems(entry),
    ...schemaProblems(entry, ajv),
    ...consumerProblems(entry),
  ];
}

function identityProblems(entry: CatalogEntry): string[] {
  const problems: string[] = [];
  if (!RULE_NAME.test(entry.ruleName)) {
    problems.push(`rule name "${entry.ruleName}" must be 1-64 characters of [.-_A-Za-z0-9]`);
  }
  if (!BUS_NAME.test(entry.busName)) {
    problems.push(`bus name "${entry.busName}" must be 1-256 characters of [/.-_A-Za-z0-9]`);
  }
  problems.push(...originProblems(entry));
  if (entry.detailType === '' || entry.detailType.length > MAX_DETAIL_TYPE_LENGTH) {
    problems.push(`detail-type "${entry.detailType}" must be 1-${MAX_DETAIL_TYPE_LENGTH} characters`);
  }
  if (typeof entry.deadLetter !== 'boolean') problems.push('deadLetter must be true or false');
  return problems;
}

// `aws.` sources are reserved for AWS services: PutEvents refuses them (AWS §1.3), and AWS services
// emit their events on the default bus only, so the origin and the source prefix go together.
function originProblems(entry: CatalogEntry): string[] {
  const awsSource = entry.source.startsWith('aws.');
  if (entry.origin === 'application') {
    return entry.source === '' || awsSource
      ? [`source "${entry.source}" must be non-empty and not start with the reserved "aws."`]
      : [];
  }
  if (entry.origin === 'aws-service') {
    return awsSource && entry.source.length > 'aws.'.length
      ? []
      : [`source "${entry.source}" of an aws-service type must be an AWS service's, starting with "aws."`];
  }
  return [`origin ${JSON.stringify(entry.origin)} must be "application" or "aws-service"`];
}

function retryPolicyProblems(policy: RetryPolicy): string[] {
  const problems: string[] = [];
  // PutTargets RetryPolicy bounds (botocore events model): attempts 0-185, age 60-86400 seconds.
  const attempts = policy.maximumRetryAttempts;
  if (!Number.isInteger(attempts) || attempts < 0 || attempts > 185) {
    problems.push(`retry policy maximumRetryAttempts ${attempts} must be an integer from 0 to 185`);
  }
  const age = policy.maximumEventAgeInSeconds;
  if (!Number.isInteger(age) || age < 60 || age > 86_400) {
    problems.push(`retry policy maximumEventAgeInSeconds ${age} must be an integer from 60 to 86400`);
  }
  return problems;
}

function patternProblems(entry: CatalogEntry): string[] {
  let pattern: CompiledPattern;
  try {
    pattern = compileEventPattern(entry.eventPattern);
  } catch (error) {
    return [`event pattern ${entry.eventPattern.slice(0, 200)} is refused: ${firstLine(error)}`];
  }
  // A dedicated consumer quarantines every other type, so each `$or` branch must pin this one.
  const required = { source: entry.source, 'detail-type': entry.detailType };
  const pinsType = pattern.branches.every((branch) =>
    Object.entries(required).every(([path, value]) => {
      const condition = branch.find((field) => field.path === path);
      return condition?.matchers.every((matcher) => matcher.kind === 'exact' && matcher.value === value);
    }),
  );
  if (!pinsType)
    return [
      `event pattern must match exactly source "${entry.source}" and detail-type "${entry.detailType}"`,
    ];
  // The catch-all rule is the complement of the catalog over these two fields only: a condition on
  // any other field would leave the events it refuses matched by no rule at all, hence lost.
  const others = [...new Set(pattern.branches.flatMap((branch) => branch.map((field) => field.path)))].filter(
    (path) => path !== 'source' && path !== 'detail-type',
  );
  return others.length === 0
    ? []
    : [
        `event pattern may test only source and detail-type, not ${others.join(', ')}: the unrouted catch-all rule is the complement of the catalog on those two fields, so an event refused by another condition would reach no rule; validate such fields in the schema instead`,
      ];
}

function firstLine(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).split('\n')[0] ?? '';
}

function schemaProblems(entry: CatalogEntry, ajv: SchemaAjv): string[] {
  let schema: ReturnType<typeof readEventSchema>;
  try {
    schema = readEventSchema(entry.schema.file);
  } catch (error) {
    return [error instanceof Error ? error.message : String(error)];
  }
  const problems: string[] = [];
  try {
    ajv.compile(schema.document);
  } catch (error) {
    problems.push(
      `schema ${schema.file} does not compile: ${error instanceof Error ? error.message : error}`,
    );
  }
  const declared = { source: schema.source, detailType: schema.detailType, version: schema.version };
  const listed = { source: entry.source, detailType: entry.detailType, version: entry.schema.version };
  for (const key of ['source', 'detailType', 'version'] as const) {
    if (declared[key] !== listed[key]) {
      problems.push(`${key} "${listed[key]}" differs from "${declared[key]}" declared by ${schema.file}`);
    }
  }
  return problems;
}

function consumerProblems(entry: CatalogEntry): string[] {
  const problems: string[] = [];
  if (!FUNCTION_NAME.test(entry.consumer.name)) {
    problems.push(`consumer name "${entry.consumer.name}" must be 1-64 characters of [A-Za-z0-9_-]`);
  }
  // PutFunctionConcurrency accepts 0, but a consumer reserved 0 executions never runs.
  const reserved = entry.consumer.reservedConcurrency;
  if (!Number.isInteger(reserved) || reserved < 1 || reserved > MAX_TOTAL_RESERVED_CONCURRENCY) {
    problems.push(
      `consumer reservedConcurrency ${reserved} must be an integer from 1 to ${MAX_TOTAL_RESERVED_CONCURRENCY}`,
    );
  }
  if (!existsSync(resolveCatalogPath(entry.consumer.entry))) {
    problems.push(
      `consumer module ${entry.consumer.entry} does not exist (write it, or remove the line; \`npm run scaffold\` makes a new type's files)`,
    );
  }
  return problems;
}
