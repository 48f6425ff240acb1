import { describe, expect, it } from 'vitest';
import { parseWildcard } from '../../../../rules/pattern/compile/parse-wildcard.js';

describe('parseWildcard', () => {
  it('splits literal runs and stars, unescaping \\* and \\\\', () => {
    expect(parseWildcard('a\\*b*c\\\\')).toEqual([
      { kind: 'literal', text: 'a*b' },
      { kind: 'star' },
      { kind: 'literal', text: 'c\\' },
    ]);
  });

  it('refuses consecutive stars at the UTF-8 byte position Ruler reports (counting its opening quote)', () => {
    expect(() => parseWildcard('arn:aws:events:us-east-1:**:event-bus/*')).toThrow(
      'Consecutive wildcard characters at pos 26',
    );
    expect(() => parseWildcard('é**')).toThrow('Consecutive wildcard characters at pos 3');
  });

  it('refuses any other escape, a trailing backslash included', () => {
    expect(() => parseWildcard('a\\x')).toThrow('Invalid escape character at pos 2');
    expect(() => parseWildcard('a\\')).toThrow('Invalid escape character at pos 2');
  });
});
