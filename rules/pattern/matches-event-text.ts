import type { CompiledPattern } from './compiled-pattern.js';
import { MalformedEventError } from './errors.js';
import { RuleMatcher } from './machine/index.js';
import { matchesPattern } from './matches-pattern.js';

/**
 * Whether the event text matches the pattern, read from the text as routing reads it (the local
 * PutEvents keeps Detail verbatim and routes it with {@link RuleMatcher.matchText}): a key given
 * twice is read with both its values, as aws/event-ruler reads it, where `JSON.parse` keeps only
 * the last. Text beyond the matcher's size and depth limits (which PutEvents never accepts) is
 * parsed and matched by the reference matcher instead, which has no such limits. Throws
 * `MalformedEventError` for text that is not a JSON object.
 */
export function matchesEventText(pattern: CompiledPattern, eventText: string): boolean {
  const matcher = new RuleMatcher();
  matcher.addRule('pattern', pattern);
  try {
    return matcher.matchText(eventText).length > 0;
  } catch (error) {
    if (!(error instanceof MalformedEventError)) throw error;
    return matchesPattern(pattern, parseObject(eventText, error));
  }
}

function parseObject(eventText: string, refusal: MalformedEventError): object {
  let event: unknown;
  try {
    event = JSON.parse(eventText);
  } catch {
    throw refusal;
  }
  if (typeof event !== 'object' || event === null || Array.isArray(event)) throw refusal;
  return event;
}
