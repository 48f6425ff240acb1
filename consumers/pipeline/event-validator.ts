import type { ErrorObject } from 'ajv-draft-04';

/** The identity a schema declares, exported by each generated validator module. */
export interface SchemaIdentity {
  readonly source: string;
  readonly detailType: string;
  readonly schemaVersion: string;
}

/**
 * An ajv validation function over a whole delivered event (envelope and `detail`), generated
 * ahead of time by `npm run generate:validators` so that no schema is compiled at cold start.
 */
export interface EventValidateFunction {
  (event: unknown): boolean;
  errors?: ErrorObject[] | null;
}

/** What a `validate-event.generated.js` module exports. */
export interface EventValidatorModule {
  readonly validate: EventValidateFunction;
  readonly schemaIdentity: SchemaIdentity;
}
