import { compileEventPattern } from './compile-event-pattern.js';
import { MalformedEventError } from './errors.js';
import { matchesPattern } from './matches-pattern.js';

/**
 * The engine side of EventBridge's `TestEventPattern`: whether the event matches the pattern.
 * Throws `InvalidEventPatternException` (AWS's message) for a pattern EventBridge refuses, and
 * {@link MalformedEventError} when the event is not the JSON text of an object. Never crashes or
 * hangs on size or depth: `JSON.parse` is iterative and the matcher keeps its own stack.
 * (The API's own check that the event has the envelope fields belongs to the API layer.)
 */
export function testEventPattern(patternText: string, eventText: string): boolean {
  const pattern = compileEventPattern(patternText);
  return matchesPattern(pattern, parseEvent(eventText));
}

function parseEvent(eventText: string): object {
  let event: unknown;
  try {
    event = JSON.parse(eventText);
  } catch (error) {
    throw new MalformedEventError(error instanceof Error ? error.message : 'not JSON', { cause: error });
  }
  if (typeof event !== 'object' || event === null || Array.isArray(event)) {
    throw new MalformedEventError(
      `the event is ${Array.isArray(event) ? 'an array' : `a ${typeof event}`}, not an object`,
    );
  }
  return event;
}
