import { describe, expect, it } from 'vitest';
import {
  type CatalogEntry,
  CatalogError,
  loadCatalog,
  validateCatalog,
} from '../../../rules/catalog/index.js';

const [first, second] = loadCatalog();
if (first === undefined || second === undefined) throw new Error('the catalog needs two entries');

/** The first catalog entry with some fields replaced. */
function broken(changes: Partial<CatalogEntry>): CatalogEntry {
  return { ...first, ...changes } as CatalogEntry;
}

function problemsOf(entries: readonly CatalogEntry[]): string {
  try {
    validateCatalog(entries);
  } catch (error) {
    expect(error).toBeInstanceOf(CatalogError);
    return (error as Error).message;
  }
  throw new Error('expected the catalog to be refused');
}

describe('validateCatalog', () => {
  it('accepts the shipped catalog', () => {
    expect(() => validateCatalog(loadCatalog())).not.toThrow();
  });

  it.each([
    [
      'a rule name AWS refuses',
      { ruleName: 'user logged in' },
      /"user logged in": rule name .* 1-64 characters/,
    ],
    ['a rule name of 65 characters', { ruleName: 'r'.repeat(65) }, /rule name .* must be 1-64 characters/],
    ['a bus name AWS refuses', { busName: 'my bus' }, /bus name "my bus"/],
    [
      'a reserved aws. source',
      { source: 'aws.ec2' },
      /source "aws\.ec2" must .* not start with the reserved "aws\."/,
    ],
    [
      "an aws-service type whose source is not an AWS service's",
      { origin: 'aws-service' },
      /source "app\.auth" of an aws-service type must be an AWS service's, starting with "aws\."/,
    ],
    ['an origin other than application or aws-service', { origin: 'partner' }, /origin "partner" must be/],
    [
      'a consumer reserving no concurrent execution',
      { consumer: { ...first.consumer, reservedConcurrency: 0 } },
      /consumer reservedConcurrency 0 must be an integer from 1 to 900/,
    ],
    [
      'a fractional reserved concurrency',
      { consumer: { ...first.consumer, reservedConcurrency: 2.5 } },
      /consumer reservedConcurrency 2\.5 must be an integer/,
    ],
    [
      'retry attempts above 185',
      { retryPolicy: { maximumRetryAttempts: 186, maximumEventAgeInSeconds: 3600 } },
      /maximumRetryAttempts 186 must be an integer from 0 to 185/,
    ],
    [
      'a maximum event age under a minute',
      { retryPolicy: { maximumRetryAttempts: 1, maximumEventAgeInSeconds: 59 } },
      /maximumEventAgeInSeconds 59 must be an integer from 60 to 86400/,
    ],
    [
      'a pattern longer than 4096 characters',
      { eventPattern: `{"source":["${'a'.repeat(4100)}"]}` },
      /is refused: Event pattern is not valid. Reason: Event pattern is 4115 characters long/,
    ],
    [
      'a pattern EventBridge refuses',
      { eventPattern: '{"source":"app.auth"}' },
      /is refused: Event pattern is not valid. Reason: "source" must be an object or an array/,
    ],
    [
      'a pattern that does not pin its source',
      { eventPattern: '{"source":[{"prefix":"app."}],"detail-type":["User Signed Up"]}' },
      /event pattern must match exactly source "app.auth" and detail-type "User Signed Up"/,
    ],
    [
      'a pattern with an $or branch that lets other types through',
      {
        eventPattern: JSON.stringify({
          source: ['app.auth'],
          $or: [{ 'detail-type': ['User Signed Up'] }, { detail: { plan: ['pro'] } }],
        }),
      },
      /event pattern must match exactly source/,
    ],
    [
      'a pattern with a condition beyond source and detail-type',
      {
        eventPattern: JSON.stringify({
          source: ['app.auth'],
          'detail-type': ['User Signed Up'],
          detail: { plan: ['pro'] },
        }),
      },
      /event pattern may test only source and detail-type, not detail\.plan: the unrouted catch-all/,
    ],
    [
      'a missing schema file',
      { schema: { file: 'schemas/nope.json', version: '1.0.0' } },
      /schemas\/nope\.json cannot be read/,
    ],
    [
      'a schema that does not compile',
      {
        source: 'app.test',
        detailType: 'Broken Schema',
        schema: { file: 'test/fixtures/schemas/does-not-compile.json', version: '1.0.0' },
      },
      /does-not-compile\.json does not compile: unknown format "when-ever"/,
    ],
    [
      'a version the schema does not declare',
      { schema: { file: 'schemas/user-signed-up.json', version: '2.0.0' } },
      /version "2\.0\.0" differs from "1\.0\.0" declared by schemas\/user-signed-up\.json/,
    ],
    [
      'a detail-type the schema does not declare',
      { detailType: 'User Joined' },
      /detailType "User Joined" differs/,
    ],
    [
      'a missing consumer module',
      { consumer: { ...first.consumer, name: 'ghost', entry: 'consumers/ghost/handler.ts' } },
      /consumer module consumers\/ghost\/handler\.ts does not exist/,
    ],
    [
      'a consumer name Lambda refuses',
      {
        consumer: { ...first.consumer, name: 'user.signed.up', entry: 'consumers/user-signed-up/handler.ts' },
      },
      /consumer name "user\.signed\.up"/,
    ],
  ])('refuses %s, naming the entry', (_what, changes, reason) => {
    const message = problemsOf([broken(changes as Partial<CatalogEntry>), second]);
    expect(message).toMatch(/catalog entry #1 "/);
    expect(message).toMatch(reason);
    expect(message).not.toMatch(/catalog entry #2/);
  });

  it('refuses a rule name used twice on one bus', () => {
    expect(problemsOf([first, { ...second, ruleName: first.ruleName }])).toMatch(
      /catalog entry #2 "user-signed-up": rule name repeats catalog entry #1/,
    );
  });

  it('refuses two entries for one source and detail-type', () => {
    const copy = { ...first, ruleName: 'copy', consumer: { ...first.consumer, name: 'copy' } };
    expect(problemsOf([first, copy])).toMatch(
      /catalog entry #2 "copy": source and detail-type repeats catalog entry #1/,
    );
  });

  it('accepts an aws-service type whose schema declares an aws. source', () => {
    const signIn = broken({
      origin: 'aws-service',
      source: 'aws.signin',
      detailType: 'AWS Console Sign In via CloudTrail',
      eventPattern: '{"source":["aws.signin"],"detail-type":["AWS Console Sign In via CloudTrail"]}',
      schema: { file: 'test/fixtures/schemas/aws-service-sign-in.json', version: '1.0.0' },
    });
    expect(() => validateCatalog([signIn, second])).not.toThrow();
  });

  it('refuses consumers that reserve more than 900 concurrent executions in all', () => {
    const half = (entry: CatalogEntry) => ({
      ...entry,
      consumer: { ...entry.consumer, reservedConcurrency: 451 },
    });
    expect(problemsOf([half(first), half(second)])).toMatch(
      /the consumers reserve 902 concurrent executions in all; at most 900/,
    );
    expect(() =>
      validateCatalog([first, { ...second, consumer: { ...second.consumer, reservedConcurrency: 890 } }]),
    ).not.toThrow();
  });

  it('proves the catch-all of each bus against the entries on that bus only', () => {
    // Each bus's catch-all excludes its own types only: a proof mixing the buses would fail.
    expect(() => validateCatalog([first, { ...second, busName: 'other-bus' }])).not.toThrow();
  });

  it('lists every problem of every entry at once', () => {
    const message = problemsOf([broken({ ruleName: 'a b' }), { ...second, busName: 'x y' }]);
    expect(message.split('\n').filter((line) => line.startsWith('- '))).toHaveLength(2);
  });
});
