import { MalformedEventError } from '../../../../rules/pattern/index.js';
import { assertConstraints } from '../constraints.js';
import { ValidationException } from '../errors.js';
import type { EventsContext } from '../events-context.js';
import { InputReader, isJsonObject } from '../input-reader.js';
import { jsonDepth, maxEventDepth } from '../json-depth.js';
import { modelConstraints, required } from '../model-constraints.js';

/** Members AWS requires in a TestEventPattern event (recorded, aws-behaviour.md §3.8). */
const requiredEventFields = ['id', 'account', 'source', 'time', 'region', 'detail-type'] as const;

const invalidEvent = () => new ValidationException('Parameter Event is not valid.');

/**
 * Checks the event as AWS does; matching then reads its text, as routing does (duplicate keys
 * included). Nested deeper than PutEvents lets an event be (its Detail's limit, plus the envelope's
 * own level) it is not valid either: a 400, not a fault, wherever the depth is.
 */
function checkEvent(text: string): void {
  if (jsonDepth(text) > maxEventDepth + 1) throw invalidEvent();
  let event: unknown;
  try {
    event = JSON.parse(text);
  } catch {
    event = undefined;
  }
  if (!isJsonObject(event) || requiredEventFields.some((field) => !(field in event))) {
    throw invalidEvent();
  }
}

/** TestEventPattern: `{Result}` for a pattern and an event, each checked as AWS checks them. */
export function testEventPattern(context: EventsContext, body: unknown): object {
  const input = InputReader.of(body);
  const eventPattern = input.string('EventPattern');
  const event = input.string('Event');
  assertConstraints([
    { path: 'eventPattern', value: eventPattern, constraint: required(modelConstraints.EventPattern) },
    { path: 'event', value: event, constraint: { required: true } },
  ]);
  const pattern = context.patterns.compile(eventPattern ?? '');
  checkEvent(event ?? '');
  try {
    return { Result: context.patterns.matchesText(pattern, event ?? '') };
  } catch (error) {
    if (error instanceof MalformedEventError) throw invalidEvent();
    throw error;
  }
}
