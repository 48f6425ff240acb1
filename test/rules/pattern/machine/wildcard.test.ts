import { describe, expect, it } from 'vitest';
import { Wildcard } from '../../../../rules/pattern/machine/wildcard.js';

describe('Wildcard', () => {
  it.each([
    ['a*c', 'abc', true],
    ['a*c', 'ac', true],
    ['a*c', 'acb', false],
    ['*', '', true],
    ['', '', true],
    ['', 'a', false],
    ['ab*ba', 'aba', false],
    ['*a*b*', 'xaxbx', true],
    ['*a*b*', 'bxa', false],
    ['a\\*', 'a*', true],
    ['a\\*', 'ab', false],
    ['a\\\\*', 'a\\bc', true],
  ])('%s against %s is %s', (pattern, value, expected) => {
    expect(new Wildcard(pattern).matches(value)).toBe(expected);
  });
});
