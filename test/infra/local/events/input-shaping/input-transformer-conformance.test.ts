import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { inputShapeOf, shapeInput } from '../../../../../infra/local/events/input-shaping/input-shape.js';
import { repoRoot } from '../../../../support/shared-dir.js';

interface TransformerCase {
  readonly name: string;
  readonly source: string;
  readonly documented: boolean;
  readonly inputPathsMap: Record<string, string>;
  readonly inputTemplate: string;
  readonly compare: 'text' | 'json';
  readonly output?: string;
  readonly note?: string;
}

const fixture = JSON.parse(
  readFileSync(`${repoRoot}/test/fixtures/conformance/input-transformer-cases.json`, 'utf8'),
) as { event: string; rule: { name: string; arn: string }; cases: TransformerCase[] };

const context = {
  ruleName: fixture.rule.name,
  ruleArn: fixture.rule.arn,
  ingestionTime: Date.parse('2015-11-11T21:29:55Z'),
};

function transform(testCase: TransformerCase): string {
  const shape = inputShapeOf({
    InputTransformer: { InputPathsMap: testCase.inputPathsMap, InputTemplate: testCase.inputTemplate },
  });
  if (shape === undefined) throw new Error(`no shape for ${testCase.name}`);
  return shapeInput(shape, fixture.event, context);
}

describe('input transformer conformance (AWS docs examples)', () => {
  it('has cases from the docs and from recorded runs', () => {
    expect(fixture.cases.filter((c) => c.documented).length).toBeGreaterThanOrEqual(8);
  });

  for (const testCase of fixture.cases) {
    // documented=false: AWS does not document this output; the expectation is this project's reading.
    const label = testCase.documented ? testCase.name : `${testCase.name} (output not documented by AWS)`;
    it(`transforms as the docs show: ${label}`, () => {
      const output = transform(testCase);
      const expected = testCase.output ?? `{"originalEventJson":${fixture.event}}`;
      if (testCase.compare === 'text') expect(output).toBe(expected);
      else expect(JSON.parse(output)).toEqual(JSON.parse(expected));
    });
  }
});
