import { readFileSync } from 'node:fs';
import { CatalogError } from './catalog-error.js';
import { resolveCatalogPath } from './resolve-catalog-path.js';
import { SCHEMA_KEYWORDS } from './schema-keywords.js';

/** A schema file with the event identity it declares (see `SCHEMA_KEYWORDS`). */
export interface EventSchema {
  /** Path relative to the repository root. */
  readonly file: string;
  readonly source: string;
  readonly detailType: string;
  readonly version: string;
  /** The file's exact text, which generated files record the hash of. */
  readonly text: string;
  /** The parsed JSON Schema document, as in the file. */
  readonly document: Readonly<Record<string, unknown>>;
}

const DRAFT_04 = 'http://json-schema.org/draft-04/schema#';

/** Reads and parses a schema file; throws `CatalogError` naming the file and what is missing. */
export function readEventSchema(file: string): EventSchema {
  let text: string;
  try {
    text = readFileSync(resolveCatalogPath(file), 'utf8');
  } catch (error) {
    throw new CatalogError(`schema ${file} cannot be read: ${String(error)}`, { cause: error });
  }
  return parseEventSchema(file, text);
}

/** Parses schema text as `readEventSchema` does, for schemas not (yet) on disk. */
export function parseEventSchema(file: string, text: string): EventSchema {
  let document: unknown;
  try {
    document = JSON.parse(text);
  } catch (error) {
    throw new CatalogError(`schema ${file} cannot be read as JSON: ${String(error)}`, { cause: error });
  }
  if (typeof document !== 'object' || document === null || Array.isArray(document)) {
    throw new CatalogError(`schema ${file} is not a JSON object`);
  }
  const record = document as Record<string, unknown>;
  if (record.$schema !== DRAFT_04) {
    throw new CatalogError(`schema ${file} must declare "$schema": "${DRAFT_04}"`);
  }
  const keyword = (name: string): string => {
    const value = record[name];
    if (typeof value !== 'string' || value === '') {
      throw new CatalogError(`schema ${file} must carry a non-empty string "${name}"`);
    }
    return value;
  };
  return {
    file,
    source: keyword(SCHEMA_KEYWORDS.source),
    detailType: keyword(SCHEMA_KEYWORDS.detailType),
    version: keyword(SCHEMA_KEYWORDS.version),
    text,
    document: record,
  };
}
