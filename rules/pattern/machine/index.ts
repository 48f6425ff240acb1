export { DEFAULT_EVENT_LIMITS, type EventLimits } from './leaf-sink.js';
export { RuleMatcher } from './rule-matcher.js';
