import { SerializationException } from './errors.js';

/** A request body member, as parsed JSON. */
export type JsonObject = { readonly [key: string]: unknown };

export function isJsonObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function wrongType(member: string, expected: string): SerializationException {
  // Coral's JSON deserializer refuses a member of the wrong JSON type before any validation.
  return new SerializationException(`Unexpected value type for '${member}': expected ${expected}.`);
}

/** Typed reads of a JSON 1.1 input object; absent and `null` members read as `undefined`. */
export class InputReader {
  constructor(
    private readonly fields: JsonObject,
    private readonly at = '',
  ) {}

  static of(value: unknown, at = ''): InputReader {
    if (!isJsonObject(value)) throw wrongType(at || 'input', 'an object');
    return new InputReader(value, at);
  }

  private raw(member: string): unknown {
    const value = this.fields[member];
    return value === null ? undefined : value;
  }

  private name(member: string): string {
    return this.at ? `${this.at}.${member}` : member;
  }

  string(member: string): string | undefined {
    const value = this.raw(member);
    if (value === undefined || typeof value === 'string') return value;
    throw wrongType(this.name(member), 'a string');
  }

  integer(member: string): number | undefined {
    const value = this.raw(member);
    if (value === undefined) return undefined;
    if (typeof value === 'number' && Number.isInteger(value)) return value;
    throw wrongType(this.name(member), 'an integer');
  }

  boolean(member: string): boolean | undefined {
    const value = this.raw(member);
    if (value === undefined || typeof value === 'boolean') return value;
    throw wrongType(this.name(member), 'a boolean');
  }

  /**
   * A timestamp: epoch seconds as a JSON number (SDK v3 and botocore send ints or floats);
   * ISO-8601 text is accepted too (aws-behaviour.md §2.1). Returns epoch milliseconds.
   */
  timestamp(member: string): number | undefined {
    const value = this.raw(member);
    if (value === undefined) return undefined;
    if (typeof value === 'number' || typeof value === 'string') {
      const epochMs = typeof value === 'number' ? Math.round(value * 1000) : Date.parse(value);
      // Beyond ±8.64e15 ms a JavaScript Date (and an ISO-8601 time) cannot represent the instant.
      if (Math.abs(epochMs) <= 8.64e15) return epochMs;
    }
    throw wrongType(this.name(member), 'a timestamp');
  }

  list(member: string): readonly unknown[] | undefined {
    const value = this.raw(member);
    if (value === undefined || Array.isArray(value)) return value;
    throw wrongType(this.name(member), 'a list');
  }

  stringList(member: string): readonly string[] | undefined {
    const list = this.list(member);
    if (list === undefined) return undefined;
    for (const item of list) if (typeof item !== 'string') throw wrongType(this.name(member), 'strings');
    return list as readonly string[];
  }

  object(member: string): InputReader | undefined {
    const value = this.raw(member);
    if (value === undefined) return undefined;
    return InputReader.of(value, this.name(member));
  }

  /** The member as given, for members kept verbatim (e.g. a target's parameters). */
  value(member: string): unknown {
    return this.raw(member);
  }
}
