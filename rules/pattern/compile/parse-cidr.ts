import type { CidrRange } from '../compiled-pattern.js';
import { parseIpAddress } from './parse-ip-address.js';
import { PatternSyntaxError } from './pattern-syntax-error.js';

/**
 * Parses a `cidr` operand as aws/event-ruler's `CIDR.cidr` does, with its messages (which carry
 * no Jackson location: Ruler throws them outside the parser) [aws-behaviour.md §3.7]. Quirks kept:
 * Java's `split("/")` drops trailing empty parts (`10.0.0.0/8/` is accepted), the mask is read
 * by `Integer.parseInt` (`+8` and `08` are accepted), and a full-length mask (/32, /128) is refused.
 */
export function parseCidr(text: string): CidrRange {
  const slashed = javaSplit(text, '/');
  if (slashed.length !== 2) throw new PatternSyntaxError("Malformed CIDR, one '/' required");
  const [address = '', maskText = ''] = slashed;
  const maskBits = javaParseInt(maskText);
  if (maskBits === undefined) throw new PatternSyntaxError('Malformed CIDR, mask bits must be an integer');
  if (maskBits < 0) throw new PatternSyntaxError('Malformed CIDR, mask bits must not be negative');
  const parsed = parseIpAddress(address);
  if (parsed.kind === 'invalid') throw new PatternSyntaxError(`Invalid IP address: ${address}`);
  if (parsed.kind === 'nonstandard') throw new PatternSyntaxError(`Nonstandard IP address: ${address}`);
  const bytes = parsed.bytes;
  if (bytes.length === 4 && maskBits > 31) throw new PatternSyntaxError('IPv4 mask bits must be < 32');
  if (bytes.length === 16 && maskBits > 127) throw new PatternSyntaxError('IPv6 mask bits must be < 128');
  return rangeOf(bytes, maskBits);
}

/** The range holding exactly one address: how Ruler compiles an IP written as a plain string value. */
export function singleAddressRange(bytes: Uint8Array): CidrRange {
  return { version: bytes.length === 4 ? 4 : 6, first: bytes.slice(), last: bytes.slice() };
}

function rangeOf(bytes: Uint8Array, maskBits: number): CidrRange {
  const first = bytes.slice();
  const last = bytes.slice();
  for (let i = 0; i < bytes.length; i++) {
    const fixedBits = Math.min(8, Math.max(0, maskBits - 8 * i));
    const hostMask = 0xff >> fixedBits;
    first[i] = (bytes[i] ?? 0) & ~hostMask & 0xff;
    last[i] = (bytes[i] ?? 0) | hostMask;
  }
  return { version: bytes.length === 4 ? 4 : 6, first, last };
}

/** Java's `String.split(regex)` for a one-character literal: trailing empty strings are removed. */
function javaSplit(text: string, separator: string): string[] {
  const parts = text.split(separator);
  while (parts.length > 0 && parts[parts.length - 1] === '') parts.pop();
  return parts;
}

/** Java's `Integer.parseInt`: optional sign, ASCII digits, 32-bit range; undefined when it would throw. */
function javaParseInt(text: string): number | undefined {
  if (!/^[+-]?[0-9]+$/.test(text)) return undefined;
  const value = Number(text);
  return value >= -2147483648 && value <= 2147483647 ? value : undefined;
}
