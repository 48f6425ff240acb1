import { readFileSync } from 'node:fs';
import type { CatalogEntry } from './catalog-entry.js';
import { parseGeneratedFileHeader, schemaTextSha256 } from './generated-file-header.js';
import { GENERATED_FILE_KINDS, type GeneratedFileKind } from './generated-files.js';
import { resolveCatalogPath } from './resolve-catalog-path.js';
import { StaleGeneratedFileError } from './stale-generated-file-error.js';

/**
 * Throws `StaleGeneratedFileError` unless every generated file of every entry exists and its header
 * records its schema's current text (SHA-256) and the current generator version. Reads one line
 * per file and hashes each schema once: about a millisecond for the catalog.
 */
export function checkGeneratedFiles(
  entries: readonly CatalogEntry[],
  kinds: readonly GeneratedFileKind[] = GENERATED_FILE_KINDS,
): void {
  const problems: string[] = [];
  const commands = new Set<string>();
  for (const entry of entries) {
    const schemaSha256 = schemaTextSha256(readFileSync(resolveCatalogPath(entry.schema.file), 'utf8'));
    for (const kind of kinds) {
      const problem = fileProblem(entry, kind, schemaSha256);
      if (problem === undefined) continue;
      problems.push(problem);
      commands.add(kind.command);
    }
  }
  if (problems.length > 0) throw new StaleGeneratedFileError(problems, [...commands]);
}

function fileProblem(entry: CatalogEntry, kind: GeneratedFileKind, schemaSha256: string): string | undefined {
  const path = kind.path(entry);
  let text: string;
  try {
    text = readFileSync(resolveCatalogPath(path), 'utf8');
  } catch {
    return `${path} (generated from ${entry.schema.file}) is missing`;
  }
  const header = parseGeneratedFileHeader(text);
  if (header === undefined) return `${path} has no generated-file header, so it cannot be told fresh`;
  if (header.schemaFile !== entry.schema.file || header.schemaSha256 !== schemaSha256) {
    return `${path} is stale: ${entry.schema.file} changed since it was generated`;
  }
  if (header.generator !== kind.generator) {
    return `${path} was made by ${header.generator}, not the current ${kind.generator}`;
  }
  return undefined;
}
