export { compileEventPattern, MAX_OR_COMBINATIONS, MAX_PATTERN_LENGTH } from './compile-event-pattern.js';
export type {
  CidrRange,
  CompiledPattern,
  FieldCondition,
  NumericBound,
  ValueMatcher,
  ValueMatcherKind,
} from './compiled-pattern.js';
export { InvalidEventPatternException, MalformedEventError } from './errors.js';
export { DEFAULT_EVENT_LIMITS, type EventLimits, RuleMatcher } from './machine/index.js';
export { matchesEventText } from './matches-event-text.js';
export { matchesPattern } from './matches-pattern.js';
export { testEventPattern } from './test-event-pattern.js';
