/**
 * The compiled form of an EventBridge event pattern: the contract between the compiler
 * (parse + validate, AWS messages) and the matchers (the reference matcher over parsed
 * events, and the indexed many-rule matcher over JSON text).
 *
 * Normal form, as aws/event-ruler compiles rules: `$or` is expanded into alternative
 * branches; a branch is a conjunction of field conditions; a field condition holds when
 * any of its value matchers accepts a leaf value found at its path. Paths are the
 * dot-joined key names (`detail.state.status`), so a dotted key and the same keys nested
 * are one path, exactly as in EventBridge.
 */

/** A bound of a numeric range; `inclusive` for `>=`/`<=`. */
export interface NumericBound {
  readonly value: number;
  readonly inclusive: boolean;
}

/** An IP range from a `cidr` operand, as inclusive byte bounds (4 bytes for IPv4, 16 for IPv6). */
export interface CidrRange {
  readonly version: 4 | 6;
  readonly first: Uint8Array;
  readonly last: Uint8Array;
}

/**
 * One element of a pattern's leaf array. Strings are matched exactly as given (no Unicode
 * normalisation); `exact` numbers compare numerically (`300` equals `300.0` and `3.0e2`).
 */
export type ValueMatcher =
  | { readonly kind: 'exact'; readonly value: string | number | boolean | null }
  | { readonly kind: 'prefix'; readonly value: string; readonly ignoreCase: boolean }
  | { readonly kind: 'suffix'; readonly value: string; readonly ignoreCase: boolean }
  | { readonly kind: 'equals-ignore-case'; readonly value: string }
  /** `value` is the pattern text as written: `*` any run of characters, `\*` and `\\` escapes. */
  | { readonly kind: 'wildcard'; readonly value: string }
  | { readonly kind: 'numeric'; readonly lower?: NumericBound; readonly upper?: NumericBound }
  | { readonly kind: 'cidr'; readonly range: CidrRange }
  | { readonly kind: 'exists'; readonly value: boolean }
  /** anything-but over literal values: strings compare exactly, numbers numerically. */
  | {
      readonly kind: 'anything-but';
      readonly strings: readonly string[];
      readonly numbers: readonly number[];
    }
  | {
      readonly kind:
        | 'anything-but-prefix'
        | 'anything-but-suffix'
        | 'anything-but-ignore-case'
        | 'anything-but-wildcard';
      readonly values: readonly string[];
    };

export type ValueMatcherKind = ValueMatcher['kind'];

/** All matchers of one field in one branch: the field holds when any of them accepts. */
export interface FieldCondition {
  readonly path: string;
  readonly matchers: readonly ValueMatcher[];
}

/** A compiled pattern: it matches an event when any branch matches it. */
export interface CompiledPattern {
  /** The pattern text as given, kept for DescribeRule and byte-identical CDK output. */
  readonly source: string;
  readonly branches: readonly (readonly FieldCondition[])[];
}
