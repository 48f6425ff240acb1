import type { CompiledPattern } from '../../../rules/pattern/compiled-pattern.js';

/**
 * What the local stack needs from the pattern engine (`rules/pattern/`): compile a pattern with
 * AWS's validation (throwing `InvalidEventPatternException`) and match a parsed event.
 */
export interface PatternEngine {
  compile(patternText: string): CompiledPattern;
  matches(pattern: CompiledPattern, event: unknown): boolean;
}
