import { compileEventPattern, matchesEventText, matchesPattern } from '../../../rules/pattern/index.js';
import type { PatternEngine } from './pattern-engine.js';

/** The project's pattern engine (`rules/pattern/`), as the local stack uses it. */
export const patternEngine: PatternEngine = {
  compile: (patternText) => compileEventPattern(patternText),
  matches: (pattern, event) => matchesPattern(pattern, event),
  matchesText: (pattern, eventText) => matchesEventText(pattern, eventText),
};
