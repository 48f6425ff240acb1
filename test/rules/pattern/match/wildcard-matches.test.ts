import { describe, expect, it } from 'vitest';
import { wildcardMatches } from '../../../../rules/pattern/match/wildcard-matches.js';

describe('wildcardMatches', () => {
  it.each([
    ['abc', 'abc', true],
    ['abc', 'abd', false],
    ['a*c', 'ac', true],
    ['a*c', 'abbbc', true],
    ['*:*', ':', true],
    ['*ab*ab', 'abab', true],
    ['*ab*ab', 'aba', false],
    ['x*y*z', 'xyz', true],
    ['x*y*z', 'xzy', false],
    ['*', '', true],
    ['', '', true],
    ['a\\*', 'a*', true],
    ['a\\*', 'ab', false],
  ])('%j against %j is %s', (pattern, value, expected) => {
    expect(wildcardMatches(value, pattern)).toBe(expected);
  });

  it('stays linear on inputs that make backtracking matchers explode', () => {
    const value = 'a'.repeat(20_000);
    expect(wildcardMatches(value, `${'*a'.repeat(30)}b`)).toBe(false);
  });
});
