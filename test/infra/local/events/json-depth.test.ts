import { describe, expect, it } from 'vitest';
import { jsonDepth } from '../../../../infra/local/events/json-depth.js';

describe('jsonDepth', () => {
  it('counts nested objects and arrays', () => {
    expect(jsonDepth('{"a":[{"b":1}]}')).toBe(3);
  });

  it('ignores brackets inside strings, escaped quotes included', () => {
    expect(jsonDepth('{"a":"[[[{\\"{"}')).toBe(1);
  });

  it('measures hostile nesting without recursion', () => {
    expect(jsonDepth('['.repeat(100_000))).toBe(100_000);
  });
});
