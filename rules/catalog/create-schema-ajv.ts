import ajvDraft04, { type CodeOptions } from 'ajv-draft-04';
import ajvFormats from 'ajv-formats';
import { SCHEMA_KEYWORDS } from './schema-keywords.js';

// Both packages are CommonJS that set `module.exports` to the export and also `exports.default`;
// under NodeNext the default import types as the module object, so take its `default` (the same value).
const { default: Ajv } = ajvDraft04;
const { default: addFormats } = ajvFormats;

/** The ajv instance type every trackbridge schema is compiled with. */
export type SchemaAjv = InstanceType<typeof Ajv>;

/**
 * An ajv for trackbridge's JSON Schema draft-04 files (the dialect the EventBridge schema registry
 * accepts as `JSONSchemaDraft4`): strict mode, every error reported (quarantine items keep them all),
 * ajv-formats for uuid/date-time/email/ipv4/ipv6/uri, and the `x-` metadata keywords declared as
 * annotation-only vocabulary so strict mode accepts them.
 */
export function createSchemaAjv(options: { code?: CodeOptions } = {}): SchemaAjv {
  const ajv = new Ajv({
    allErrors: true,
    strict: true,
    // `"type": ["string", "null"]` is plain draft-04; strict mode would only log about it.
    allowUnionTypes: true,
    // `anyOf: [{ required: ['userId'] }, { required: ['anonymousId'] }]` names properties declared
    // beside the anyOf, not inside it: standard draft-04 that strictRequired would refuse.
    strictRequired: false,
    ...(options.code === undefined ? {} : { code: options.code }),
  });
  addFormats(ajv);
  ajv.addVocabulary(Object.values(SCHEMA_KEYWORDS));
  return ajv;
}
