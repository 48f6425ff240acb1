/**
 * IP address text as aws/event-ruler reads it (`CIDR.ipToBytes`): the text must look like an IP —
 * four dotted decimal runs, or only hex digits and colons with at least one colon — or it is
 * "nonstandard"; then Java's `InetAddress` literal rules decide: IPv4 parts 0-255 (leading zeros
 * allowed), IPv6 groups of hex digits worth at most 0xffff with at most one `::`, and an
 * IPv4-mapped IPv6 address (`::ffff:a00:1`) reads as the IPv4 address it maps.
 */
export type IpParse =
  | { readonly kind: 'ip'; readonly bytes: Uint8Array }
  | { readonly kind: 'nonstandard' }
  | { readonly kind: 'invalid' };

const IPV4_SHAPE = /^[0-9]+\.[0-9]+\.[0-9]+\.[0-9]+$/;
const IPV6_SHAPE = /^[0-9a-fA-F:]*:[0-9a-fA-F:]*$/;

export function parseIpAddress(text: string): IpParse {
  if (IPV4_SHAPE.test(text)) return orInvalid(parseIpv4(text));
  if (IPV6_SHAPE.test(text)) return orInvalid(parseIpv6(text));
  return { kind: 'nonstandard' };
}

/** The address bytes when `text` is an IP address literal, else undefined. */
export function ipAddressBytes(text: string): Uint8Array | undefined {
  const parsed = parseIpAddress(text);
  return parsed.kind === 'ip' ? parsed.bytes : undefined;
}

function orInvalid(bytes: Uint8Array | undefined): IpParse {
  return bytes === undefined ? { kind: 'invalid' } : { kind: 'ip', bytes };
}

function parseIpv4(text: string): Uint8Array | undefined {
  const parts = text.split('.');
  const bytes = new Uint8Array(4);
  for (let i = 0; i < 4; i++) {
    const digits = (parts[i] ?? '').replace(/^0+(?=\d)/, '');
    if (digits.length > 3) return undefined;
    const value = Number(digits);
    if (value > 255) return undefined;
    bytes[i] = value;
  }
  return bytes;
}

function parseIpv6(text: string): Uint8Array | undefined {
  if (text.length < 2) return undefined;
  const halves = text.split('::');
  if (halves.length > 2) return undefined;
  const head = groups(halves[0] ?? '');
  const tail = halves.length === 2 ? groups(halves[1] ?? '') : [];
  if (head === undefined || tail === undefined) return undefined;
  const total = head.length + tail.length;
  if (halves.length === 2 ? total > 7 : total !== 8) return undefined;
  const words = [...head, ...new Array<number>(8 - total).fill(0), ...tail];
  const bytes = new Uint8Array(16);
  words.forEach((word, i) => {
    bytes[2 * i] = word >> 8;
    bytes[2 * i + 1] = word & 0xff;
  });
  return ipv4Mapped(bytes) ?? bytes;
}

/** Colon-separated hex groups, each non-empty and at most 0xffff (leading zeros allowed). */
function groups(text: string): number[] | undefined {
  if (text === '') return [];
  const words: number[] = [];
  for (const group of text.split(':')) {
    if (group === '') return undefined;
    const value = Number.parseInt(group.replace(/^0+(?=[0-9a-fA-F])/, ''), 16);
    if (group.replace(/^0+(?=[0-9a-fA-F])/, '').length > 4 || value > 0xffff) return undefined;
    words.push(value);
  }
  return words;
}

/** `::ffff:w.x.y.z` becomes the 4-byte IPv4 address, as `InetAddress` returns an Inet4Address. */
function ipv4Mapped(bytes: Uint8Array): Uint8Array | undefined {
  for (let i = 0; i < 10; i++) if (bytes[i] !== 0) return undefined;
  if (bytes[10] !== 0xff || bytes[11] !== 0xff) return undefined;
  return bytes.slice(12);
}
