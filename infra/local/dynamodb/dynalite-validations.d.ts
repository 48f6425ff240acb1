// dynalite 4 ships no typings; this declares the input checks trackbridge reuses, so that the
// operations the stack adds answer malformed input with dynalite's (and DynamoDB's) exact messages.
declare module 'dynalite/validations/index.js' {
  /** An error whose `body` is the DynamoDB error answer. */
  export interface DynaliteValidationError extends Error {
    readonly statusCode: number;
    readonly body: { readonly __type: string; readonly message?: string; readonly Message?: string };
  }
  /** A member's declared type and constraints, in dynalite's `validations/*.js` form. */
  export type TypeSpec = Readonly<Record<string, unknown>>;
  /** Converts and type-checks `data` (SerializationException on a wrong JSON type). */
  export function checkTypes(
    data: unknown,
    types: Readonly<Record<string, TypeSpec>>,
  ): Record<string, unknown>;
  /** Required members, table names and constraints (ValidationException, AWS's wording). */
  export function checkValidations(data: unknown, types: Readonly<Record<string, TypeSpec>>): void;
}
