import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../support/shared-dir.js';

const fixture = join(repoRoot, 'test/producer/fixtures/track-calls.ts');

/** The fixture compiled with the project's compiler options: each diagnostic's line and code. */
function compileFixture(): { line: number; code: number; text: string }[] {
  const configPath = join(repoRoot, 'tsconfig.json');
  const config = ts.parseJsonConfigFileContent(
    ts.readConfigFile(configPath, ts.sys.readFile).config,
    ts.sys,
    repoRoot,
  );
  const program = ts.createProgram([fixture], config.options);
  return ts.getPreEmitDiagnostics(program).map((diagnostic) => ({
    line:
      diagnostic.file !== undefined && diagnostic.start !== undefined
        ? diagnostic.file.getLineAndCharacterOfPosition(diagnostic.start).line + 1
        : 0,
    code: diagnostic.code,
    text: ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n'),
  }));
}

function expectedErrors(): { line: number; code: number }[] {
  return readFileSync(fixture, 'utf8')
    .split('\n')
    .flatMap((text, index) => {
      const marker = /\/\/ error TS(\d+)$/.exec(text);
      return marker?.[1] === undefined ? [] : [{ line: index + 1, code: Number(marker[1]) }];
    });
}

describe('track() types', () => {
  it('refuses a wrong field, a missing field, a wrong value and an unknown detail-type at compile time, and nothing else', () => {
    const expected = expectedErrors();
    expect(expected.length).toBeGreaterThanOrEqual(5);
    const found = compileFixture();
    expect(found.map(({ line, code }) => ({ line, code }))).toEqual(expected);
  }, 120_000);
});
