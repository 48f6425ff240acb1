import { describe, expect, it } from 'vitest';
import { parseIpAddress } from '../../../../rules/pattern/compile/parse-ip-address.js';

const bytesOf = (text: string): string => {
  const parsed = parseIpAddress(text);
  return parsed.kind === 'ip' ? Buffer.from(parsed.bytes).toString('hex') : parsed.kind;
};

describe('parseIpAddress', () => {
  it.each([
    ['10.0.0.1', '0a000001'],
    ['010.000.0.1', '0a000001'],
    ['::1', '00000000000000000000000000000001'],
    ['0:0:0:0:0:0:0:1', '00000000000000000000000000000001'],
    ['2001:0db8::00001', '20010db8000000000000000000000001'],
    ['::ffff:a00:1', '0a000001'],
  ])('reads %s as %s', (text, expected) => {
    expect(bytesOf(text)).toBe(expected);
  });

  it.each([
    ['1.2.3.256', 'invalid'],
    ['1:2:3:4:5:6:7:8:9', 'invalid'],
    ['1::2::3', 'invalid'],
    ['1:2:', 'invalid'],
    ['1.2.3', 'nonstandard'],
    ['::ffff:1.2.3.4', 'nonstandard'],
    ['host.example', 'nonstandard'],
  ])('refuses %s as %s', (text, kind) => {
    expect(bytesOf(text)).toBe(kind);
  });
});
