import { describe, expect, it } from 'vitest';
import { compileEventPattern } from '../../../rules/pattern/compile-event-pattern.js';
import { InvalidEventPatternException } from '../../../rules/pattern/errors.js';

function reasonOf(pattern: string): string {
  try {
    compileEventPattern(pattern);
  } catch (error) {
    expect(error).toBeInstanceOf(InvalidEventPatternException);
    return (error as InvalidEventPatternException).message.replace(
      'Event pattern is not valid. Reason: ',
      '',
    );
  }
  throw new Error(`pattern was accepted: ${pattern}`);
}

describe('compileEventPattern', () => {
  it('expands $or into one branch per alternative, keeping the fields outside it in each', () => {
    const compiled = compileEventPattern('{"source":["a"],"$or":[{"x":[1]},{"y":{"z":["q"]}}]}');
    expect(compiled.branches.map((branch) => branch.map((c) => c.path).sort())).toEqual([
      ['source', 'x'],
      ['source', 'y.z'],
    ]);
  });

  it('joins nested keys with dots so a dotted key and nesting are one path', () => {
    const dotted = compileEventPattern('{"detail":{"state.status":["on"]}}');
    const nested = compileEventPattern('{"detail":{"state":{"status":["on"]}}}');
    expect(dotted.branches).toEqual(nested.branches);
  });

  it('lets a later duplicate leaf replace an earlier one but still checks the earlier one', () => {
    const compiled = compileEventPattern('{"a":["x"],"a":[{"prefix":"y"}]}');
    expect(compiled.branches[0]).toEqual([
      { path: 'a', matchers: [{ kind: 'prefix', value: 'y', ignoreCase: false }] },
    ]);
    expect(reasonOf('{"a":[{"prefix":1}],"a":["x"]}')).toMatch(/^prefix match pattern must be a string\n/);
  });

  it('compiles an IP address written as a plain string to a one-address range, as Ruler does', () => {
    const [condition] = compileEventPattern('{"ip":["10.0.0.1"]}').branches[0] ?? [];
    expect(condition?.matchers[0]).toMatchObject({ kind: 'cidr', range: { version: 4 } });
  });

  it('appends the Jackson location of the offending token to parse-time reasons', () => {
    expect(reasonOf('{"int": 42}')).toBe(
      '"int" must be an object or an array\n at [Source: (String)"{"int": 42}"; line: 1, column: 11]',
    );
  });

  it('reports the location of a lazily read string just after its opening quote', () => {
    expect(reasonOf('{"a":[{"exists":"true"}]}')).toBe(
      'exists match pattern must be either true or false.\n at [Source: (String)"{"a":[{"exists":"true"}]}"; line: 1, column: 18]',
    );
  });

  it('repeats the location for errors inside an anything-but list, as EventBridge does', () => {
    expect(reasonOf('{"a":[{"anything-but":[true]}]}')).toBe(
      `Inside anything but list, start|null|boolean is not supported.${'\n at [Source: (String)"{"a":[{"anything-but":[true]}]}"; line: 1, column: 28]'.repeat(2)}`,
    );
  });

  it('gives CIDR reasons without a location', () => {
    expect(reasonOf('{"a":[{"cidr":"10.0.0.0/32"}]}')).toBe('IPv4 mask bits must be < 32');
    expect(reasonOf('{"a":[{"cidr":"1.2.3.256/8"}]}')).toBe('Invalid IP address: 1.2.3.256');
  });

  it('ignores text after the pattern object, as Ruler never reads it', () => {
    expect(compileEventPattern('{"a":["x"]} trailing').branches).toHaveLength(1);
  });

  it('refuses numbers that are not exact doubles in numeric operands', () => {
    expect(reasonOf('{"a":[{"numeric":["<",0.10000000000000001]}]}')).toMatch(
      /^Cannot compare number : 0\.10000000000000001\n/,
    );
  });

  it('refuses equal range bounds even when both are inclusive', () => {
    expect(reasonOf('{"a":[{"numeric":[">=",5,"<=",5]}]}')).toMatch(/^Bottom must be less than top\n/);
  });

  it('refuses a pattern longer than 4096 characters', () => {
    const long = `{"a":["${'x'.repeat(4100)}"]}`;
    expect(reasonOf(long)).toMatch(/maximum is 4096/);
  });

  it('refuses $or arrays whose lengths multiply past 1000, without expanding them', () => {
    const or = `{"$or":[${Array.from({ length: 10 }, (_, i) => `{"f${i}":[1]}`).join(',')}]}`;
    const pattern = `{"a":${or},"b":${or},"c":${or},"d":${or}}`;
    expect(reasonOf(pattern)).toMatch(/exceeds the maximum of 1000/);
    const fine = `{"a":${or},"b":${or},"c":${or}}`;
    expect(compileEventPattern(fine).branches).toHaveLength(1000);
  });

  it('counts a wildcard once per $or branch that repeats it, as Ruler adds it once per branch', () => {
    const branches = (n: number) =>
      `{"a":[{"wildcard":"*ab*"}],"$or":[${Array.from({ length: n }, (_, i) => `{"k":[${i}]}`).join(',')}]}`;
    expect(() => compileEventPattern(branches(4))).not.toThrow();
    expect(reasonOf(branches(5))).toMatch(/^Rule is too complex/);
  });

  it('refuses wildcard values a worst-case input keeps too many states alive for', () => {
    const values = ['aaa', 'bbb', 'ccc', 'ddd'].map((name) => `{"wildcard":"*:stack/${name}/*"}`);
    expect(() => compileEventPattern(`{"a":[${values.slice(0, 3).join(',')}]}`)).not.toThrow();
    expect(reasonOf(`{"a":[${values.join(',')}]}`)).toMatch(/^Rule is too complex/);
  });
});
