import { describe, expect, it } from 'vitest';
import { BUS_NAME, buildCatalog, loadCatalog, resolveCatalogPath } from '../../../rules/catalog/index.js';

describe('loadCatalog', () => {
  const catalog = loadCatalog();

  it('has the six event types on the trackbridge bus, one from an AWS service', () => {
    expect(catalog.map((entry) => `${entry.source} / ${entry.detailType}`)).toEqual([
      'app.auth / User Signed Up',
      'app.auth / User Logged In',
      'app.auth / User Logged Out',
      'app.web / Page Viewed',
      'aws.signin / AWS Console Sign In via CloudTrail',
      'app.shop / Order Placed',
    ]);
    expect(catalog.filter((entry) => entry.origin === 'aws-service').map((entry) => entry.ruleName)).toEqual([
      'aws-console-sign-in',
    ]);
    expect(new Set(catalog.map((entry) => entry.busName))).toEqual(new Set([BUS_NAME]));
    expect(BUS_NAME).toBe('trackbridge');
  });

  it('derives the rule, schema and consumer of a line from its name and schema file', () => {
    expect(catalog.find((entry) => entry.ruleName === 'user-logged-in')).toEqual({
      detailType: 'User Logged In',
      source: 'app.auth',
      ruleName: 'user-logged-in',
      busName: 'trackbridge',
      origin: 'application',
      eventPattern: '{"source":["app.auth"],"detail-type":["User Logged In"]}',
      schema: { file: 'schemas/user-logged-in.json', version: '1.0.0' },
      consumer: {
        name: 'user-logged-in',
        entry: 'consumers/user-logged-in/handler.ts',
        reservedConcurrency: 10,
      },
      retryPolicy: { maximumRetryAttempts: 10, maximumEventAgeInSeconds: 3600 },
      deadLetter: true,
    });
  });

  it('keeps a per-type retry policy', () => {
    const orders = catalog.find((entry) => entry.ruleName === 'order-placed');
    expect(orders?.retryPolicy).toEqual({ maximumRetryAttempts: 185, maximumEventAgeInSeconds: 86_400 });
  });

  it('returns the same frozen entries on every call', () => {
    expect(loadCatalog()).toBe(catalog);
    expect(Object.isFrozen(catalog)).toBe(true);
    expect(Object.isFrozen(catalog[0])).toBe(true);
  });

  it('points every consumer at a module exporting a handler function', async () => {
    for (const entry of catalog) {
      const module = (await import(resolveCatalogPath(entry.consumer.entry))) as { handler?: unknown };
      expect(typeof module.handler, entry.consumer.entry).toBe('function');
    }
  });

  it('keeps a given pattern as written', () => {
    const pattern = { 'detail-type': ['User Logged In'], source: ['app.auth'] };
    const [entry] = buildCatalog([{ name: 'user-logged-in', eventPattern: pattern }]);
    expect(entry?.eventPattern).toBe(JSON.stringify(pattern));
  });

  it('refuses a content-filtered pattern, whose refused events no rule would take', () => {
    const pattern = {
      source: ['app.auth'],
      'detail-type': ['User Logged In'],
      detail: { success: [false] },
    };
    expect(() => buildCatalog([{ name: 'user-logged-in', eventPattern: pattern }])).toThrow(
      /"user-logged-in": event pattern may test only source and detail-type, not detail\.success/,
    );
  });

  it('names the line whose schema file is missing', () => {
    expect(() => buildCatalog([{ name: 'user-logged-in' }, { name: 'no-such-type' }])).toThrow(
      /catalog entry #2 "no-such-type": schema schemas\/no-such-type\.json cannot be read/,
    );
  });
});
