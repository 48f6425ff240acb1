import { describe, expect, it } from 'vitest';
import { entrySize } from '../../../../infra/local/events/entry-size.js';

describe('entrySize', () => {
  it('adds 14 bytes for Time and the UTF-8 bytes of Source, DetailType, Detail and Resources', () => {
    expect(
      entrySize({ hasTime: true, source: 'a', detailType: 'é', detail: '{}', resources: ['arn:x', 'yz'] }),
    ).toBe(14 + 1 + 2 + 2 + 5 + 2);
  });

  it('counts nothing for absent members', () => {
    expect(entrySize({ hasTime: false })).toBe(0);
  });
});
