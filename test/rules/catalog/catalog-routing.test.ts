import { describe, expect, it } from 'vitest';
import { loadCatalog } from '../../../rules/catalog/index.js';
import { compileEventPattern, matchesPattern } from '../../../rules/pattern/index.js';
import { deliveredEvent, eventFixtures } from '../../support/event-fixtures.js';

const catalog = loadCatalog();
const rules = catalog.map((entry) => ({ entry, pattern: compileEventPattern(entry.eventPattern) }));

describe('catalog routing', () => {
  it.each(catalog.map((entry) => [entry.detailType, entry] as const))(
    'routes every %s example, valid or not, to its own rule and no other',
    (_type, entry) => {
      const { valid, invalid } = eventFixtures(entry.consumer.name);
      for (const fixture of [...valid, ...invalid]) {
        const event = deliveredEvent(entry, fixture.detail);
        const matched = rules
          .filter((rule) => matchesPattern(rule.pattern, event))
          .map((rule) => rule.entry.ruleName);
        expect(matched, fixture.name).toEqual([entry.ruleName]);
      }
    },
  );
});
