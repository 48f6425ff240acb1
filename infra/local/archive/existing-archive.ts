import { ResourceNotFoundException } from '../events/errors.js';
import type { EventsContext } from '../events/events-context.js';
import type { ArchiveRecord } from '../store/archive-store.js';

/** The archive, or AWS's recorded `Archive <name> does not exist.` (§5.2). */
export function existingArchive(context: EventsContext, name: string): ArchiveRecord {
  const archive = context.archives.get(name);
  if (archive === undefined) throw new ResourceNotFoundException(`Archive ${name} does not exist.`);
  return archive;
}
