import { describe, expect, it } from 'vitest';
import { parseCidr } from '../../../../rules/pattern/compile/parse-cidr.js';

const hex = (bytes: Uint8Array): string => Buffer.from(bytes).toString('hex');

describe('parseCidr', () => {
  it('turns an IPv4 block into its first and last address', () => {
    const range = parseCidr('10.0.0.77/24');
    expect([range.version, hex(range.first), hex(range.last)]).toEqual([4, '0a000000', '0a0000ff']);
  });

  it('turns an IPv6 block into its first and last address', () => {
    const range = parseCidr('2001:db8::/33');
    expect(range.version).toBe(6);
    expect(hex(range.first)).toBe('20010db8000000000000000000000000');
    expect(hex(range.last)).toBe('20010db87fffffffffffffffffffffff');
  });

  it("keeps Ruler's quirks: trailing slash, signed and zero-padded masks", () => {
    expect(hex(parseCidr('10.0.0.0/8/').last)).toBe('0affffff');
    expect(hex(parseCidr('10.0.0.0/+8').last)).toBe('0affffff');
    expect(hex(parseCidr('10.0.0.0/08').last)).toBe('0affffff');
  });

  it.each([
    ['bad-filter', "Malformed CIDR, one '/' required"],
    ['1.2.3.4/', "Malformed CIDR, one '/' required"],
    ['bad-/64filter', 'Malformed CIDR, mask bits must be an integer'],
    ['10.0.0.0/-1', 'Malformed CIDR, mask bits must not be negative'],
    ['xx.11.xx/8', 'Nonstandard IP address: xx.11.xx'],
    ['/8', 'Nonstandard IP address: '],
    ['1.2.3.256/8', 'Invalid IP address: 1.2.3.256'],
    [':::/8', 'Invalid IP address: :::'],
    ['10.0.0.0/32', 'IPv4 mask bits must be < 32'],
    ['::/128', 'IPv6 mask bits must be < 128'],
  ])('refuses %s with "%s"', (cidr, reason) => {
    expect(() => parseCidr(cidr)).toThrow(reason);
  });
});
