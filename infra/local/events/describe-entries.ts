import type { InputReader } from './input-reader.js';

const days = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** `java.util.Date#toString` in UTC, e.g. `Wed Nov 25 21:00:00 UTC 2026`. */
function javaDate(epochMs: number): string {
  const date = new Date(epochMs);
  const clock = date.toISOString().slice(11, 19);
  const day = String(date.getUTCDate()).padStart(2, '0');
  return `${days[date.getUTCDay()]} ${months[date.getUTCMonth()]} ${day} ${clock} UTC ${date.getUTCFullYear()}`;
}

function field(value: string | undefined): string {
  return value ?? 'null';
}

/**
 * PutEvents entries as AWS prints them in a count ValidationException: the service's Java
 * `toString` of each `PutEventsRequestEntry` (aws-behaviour.md §1.5, recorded from AWS).
 */
export function describeEntries(entries: readonly InputReader[]): string {
  const described = entries.map((entry) => {
    const time = entry.timestamp('Time');
    const resources = entry.stringList('Resources');
    return (
      `PutEventsRequestEntry(time=${time === undefined ? 'null' : javaDate(time)}, ` +
      `source=${field(entry.string('Source'))}, ` +
      `resources=${resources === undefined ? 'null' : `[${resources.join(', ')}]`}, ` +
      `detailType=${field(entry.string('DetailType'))}, detail=${field(entry.string('Detail'))}, ` +
      `eventBusName=${field(entry.string('EventBusName'))}, ` +
      `traceHeader=${field(entry.string('TraceHeader'))}, kmsKeyIdentifier=null, internalMetadata=null)`
    );
  });
  return `[${described.join(', ')}]`;
}
