import { describe, expect, it } from 'vitest';
import {
  endsWithIgnoreCase,
  equalsIgnoreCase,
  startsWithIgnoreCase,
} from '../../../../rules/pattern/match/ignore-case.js';

describe('ignore-case comparison', () => {
  it('compares ASCII letters in either case', () => {
    expect(equalsIgnoreCase('HeLLo', 'hello')).toBe(true);
    expect(startsWithIgnoreCase('EventBridge', 'eventb')).toBe(true);
    expect(endsWithIgnoreCase('photo.PNG', '.png')).toBe(true);
    expect(equalsIgnoreCase('hello!', 'hello')).toBe(false);
  });

  it('folds only the pattern: each of its characters stands for its lower or upper form', () => {
    expect(equalsIgnoreCase('SS', 'ß')).toBe(true);
    expect(equalsIgnoreCase('ß', 'ß')).toBe(true);
    expect(equalsIgnoreCase('ss', 'ß')).toBe(false);
    expect(endsWithIgnoreCase('STRASSE', 'ße')).toBe(true);
  });
});
