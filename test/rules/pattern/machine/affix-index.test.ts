import { describe, expect, it } from 'vitest';
import { AffixIndex } from '../../../../rules/pattern/machine/affix-index.js';
import { idsFound } from './ids-found.js';

function found(index: AffixIndex, value: string): number[] {
  return idsFound((sink) => index.find(value, sink));
}

describe('AffixIndex', () => {
  it('finds every prefix of every length, the empty one included', () => {
    const index = new AffixIndex('prefix', false);
    ['', 'a', 'ab', 'abc', 'b'].forEach((affix, id) => {
      index.add(affix, id);
    });
    expect(found(index, 'abd')).toEqual([0, 1, 2]);
    expect(found(index, '')).toEqual([0]);
  });

  it('finds suffixes, and every pattern sharing one', () => {
    const index = new AffixIndex('suffix', false);
    index.add('.png', 1);
    index.add('.png', 2);
    index.add('g', 3);
    expect(found(index, 'a.png')).toEqual([1, 2, 3]);
    expect(found(index, 'a.PNG')).toEqual([]);
  });

  it('ignoring case, accepts each character in its lower or upper case only', () => {
    const index = new AffixIndex('whole', true);
    index.add('Kb', 1);
    expect(found(index, 'kB')).toEqual([1]);
    // The Kelvin sign lower-cases to "k" but is neither "k" nor "K".
    expect(found(index, '\u212ab')).toEqual([]);
    expect(found(index, 'kbc')).toEqual([]);
  });

  it('ignoring case, handles affixes whose case mapping changes length', () => {
    const index = new AffixIndex('suffix', true);
    index.add('ß', 1);
    expect(found(index, 'STRASS')).toEqual([1]);
    expect(found(index, 'straß')).toEqual([1]);
    expect(found(index, 'strass')).toEqual([]);
  });
});
