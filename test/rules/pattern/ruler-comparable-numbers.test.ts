import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { compileEventPattern, InvalidEventPatternException } from '../../../rules/pattern/index.js';

const here = dirname(fileURLToPath(import.meta.url));
const fixture = JSON.parse(readFileSync(join(here, 'fixtures', 'ruler-comparable-numbers.json'), 'utf8')) as {
  provenance: string;
  cases: { pattern: string; reason: string | null; jdk17Reason?: string | null }[];
};

function reasonFor(pattern: string): string | null {
  try {
    compileEventPattern(pattern);
    return null;
  } catch (error) {
    if (!(error instanceof InvalidEventPatternException)) throw error;
    return error.message.replace('Event pattern is not valid. Reason: ', '');
  }
}

describe('numbers aws/event-ruler can compare (Java Double.toString, the 5e-324 family)', () => {
  it('refuses and accepts numeric operands as event-ruler on JDK 19+ does, with its full message', () => {
    expect(fixture.cases.length).toBeGreaterThan(100);
    const disagreements = fixture.cases.filter(({ pattern, reason }) => reasonFor(pattern) !== reason);
    expect(disagreements).toEqual([]);
  });

  it('refuses `>` 5e-324, which Java writes 4.9E-324, and accepts `>` 4.9e-324', () => {
    expect(reasonFor('{"a":[{"numeric":[">",5e-324]}]}')).toMatch(
      /^Cannot compare number : 5e-324\n at \[Source/,
    );
    expect(reasonFor('{"a":[{"numeric":[">",4.9e-324]}]}')).toBeNull();
    expect(reasonFor('{"a":[{"anything-but":[5e-324]}]}')).toMatch(/^Cannot compare number : 5e-324/);
  });

  it('departs from event-ruler on JDK 17 only where JDK 17 misprints the double (JDK-4511638), e.g. 1e23', () => {
    const jdk17Only = fixture.cases.filter((c) => c.jdk17Reason !== undefined);
    expect(jdk17Only.length).toBeGreaterThan(0);
    expect(reasonFor('{"a":[{"numeric":["=",1e23]}]}')).toBeNull();
  });
});
