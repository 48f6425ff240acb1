import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { sharedDir, sharedFile } from './shared-dir.js';

describe('sharedDir', () => {
  it('finds the conformance corpus beside the clone', () => {
    expect(existsSync(sharedDir)).toBe(true);
    expect(sharedFile('conformance', 'event-patterns.json')).toMatch(/event-patterns\.json$/);
  });

  it('names the missing file when an input is absent', () => {
    expect(() => sharedFile('no-such-file.json')).toThrow(/no-such-file\.json/);
  });
});
