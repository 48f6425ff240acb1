import ajvStandalone from 'ajv/dist/standalone/index.js';
import { _ } from 'ajv-draft-04';
import { createSchemaAjv, EVENT_VALIDATOR_FILES, type EventSchema } from '../../rules/catalog/index.js';
import { eventEnvelopeSchema } from './event-envelope-schema.js';
import { generatedFileHeaderLine } from './generated-file-header-line.js';

// CommonJS with `exports.default`; see create-schema-ajv.ts.
const { default: standaloneCode } = ajvStandalone;

/** The generated module and its declaration file, as text. */
export interface GeneratedValidator {
  readonly js: string;
  readonly dts: string;
}

/**
 * ajv standalone code validating a delivered event of the schema's type, so a consumer's cold
 * start loads a plain function instead of ajv's compiler (50-110 ms, BENCHMARKS.md). Deterministic:
 * a test regenerates every committed module and compares. Each file's first line records the
 * schema's hash and the generator version, which `loadCatalog()` checks (see generated-files.ts).
 */
export function generateEventValidator(schema: EventSchema): GeneratedValidator {
  const ajv = createSchemaAjv({ code: { source: true, esm: true, formats: _`fullFormats` } });
  const raw = standaloneCode(ajv, ajv.compile(eventEnvelopeSchema(schema)));
  const code = withoutRequires(raw);
  const identity = { source: schema.source, detailType: schema.detailType, schemaVersion: schema.version };
  const js = [
    generatedFileHeaderLine(schema, EVENT_VALIDATOR_FILES.js),
    ...(raw.includes('fullFormats') ? [FORMATS_IMPORT] : []),
    ...(raw.includes(UCS2_LENGTH) ? [UCS2_LENGTH_DECLARATION] : []),
    `export const schemaIdentity = Object.freeze(${JSON.stringify(identity)});`,
    code.replace(/^"use strict";/, ''),
    '',
  ].join('\n');
  const dts = [
    generatedFileHeaderLine(schema, EVENT_VALIDATOR_FILES.dts),
    "import type { EventValidateFunction, SchemaIdentity } from '../pipeline/event-validator.js';",
    '',
    'export declare const validate: EventValidateFunction;',
    'export declare const schemaIdentity: SchemaIdentity;',
    '',
  ].join('\n');
  return { js, dts };
}

// ajv's standalone output `require`s its runtime helpers even with `esm: true`, and a default
// import of those CommonJS modules differs between Node (module.exports), vitest (exports.default)
// and bundlers. So formats come by a named import, which is the same everywhere (ajv-formats has no
// `exports` map, hence the `.js`), and ajv's one string helper is declared in the module itself.
const FORMATS_IMPORT = 'import { fullFormats } from "ajv-formats/dist/formats.js";';
const UCS2_LENGTH = 'require("ajv/dist/runtime/ucs2length").default';
// String length in code points, as JSON Schema's minLength/maxLength count it (what ajv's helper does).
const UCS2_LENGTH_DECLARATION =
  'const ucs2length = (text) => { let length = 0; for (const _ of text) length++; return length; };';

function withoutRequires(code: string): string {
  const replaced = code.replaceAll(UCS2_LENGTH, 'ucs2length');
  const left = /require\("[^"]*"\)/.exec(replaced);
  if (left !== null) {
    throw new Error(`generated validator needs ${left[0]}; teach generate-event-validator.ts to import it`);
  }
  return replaced;
}
