import type { CompiledPattern } from '../../../rules/pattern/compiled-pattern.js';

/**
 * What the local stack needs from the pattern engine (`rules/pattern/`): compile a pattern with
 * AWS's validation (throwing `InvalidEventPatternException`) and match a parsed event, or an
 * event's text as routing reads it (a key given twice is read twice; `MalformedEventError` for
 * text that is not a JSON object).
 */
export interface PatternEngine {
  compile(patternText: string): CompiledPattern;
  matches(pattern: CompiledPattern, event: unknown): boolean;
  matchesText(pattern: CompiledPattern, eventText: string): boolean;
}
