import { compileEventPattern } from './compile-event-pattern.js';
import { matchesEventText } from './matches-event-text.js';

/**
 * The engine side of EventBridge's `TestEventPattern`: whether the event matches the pattern.
 * Throws `InvalidEventPatternException` (AWS's message) for a pattern EventBridge refuses, and
 * {@link MalformedEventError} when the event is not the JSON text of an object. Never crashes or
 * hangs on size or depth (the matcher's limits, `DEFAULT_EVENT_LIMITS`). The event is read from its
 * text as the local stack routes it, so a key given twice is read twice, as event-ruler does.
 * (The API's own check that the event has the envelope fields belongs to the API layer.)
 */
export function testEventPattern(patternText: string, eventText: string): boolean {
  return matchesEventText(compileEventPattern(patternText), eventText);
}
