import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../support/shared-dir.js';

const topFolders = ['bench', 'bin', 'consumers', 'docs', 'infra', 'rules', 'schemas', 'test', 'producer'];

/** Repository paths the document names in backticks or links, leaving out templates such as `<name>`. */
function namedPaths(text: string): string[] {
  const found = new Set<string>();
  for (const match of text.matchAll(/[`(]((?:\.\.\/)?[\w.-]+\/[\w./-]*)[`)]/g)) {
    const path = (match[1] ?? '').replace(/^\.\.\//, '');
    if (topFolders.includes(path.split('/')[0] ?? '')) found.add(path.replace(/\/$/, ''));
  }
  return [...found];
}

const documents = ['README.md', ...readdirSync(join(repoRoot, 'docs')).map((name) => `docs/${name}`)].filter(
  (name) => name.endsWith('.md'),
);

describe('documentation names only files that exist', () => {
  it.each(documents)('%s', (document) => {
    const missing = namedPaths(readFileSync(join(repoRoot, document), 'utf8')).filter(
      (path) => !existsSync(join(repoRoot, path)),
    );
    expect(missing).toEqual([]);
  });
});
