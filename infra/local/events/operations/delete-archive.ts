import { existingArchive } from '../../archive/existing-archive.js';
import { readArchiveName } from '../../archive/read-archive-name.js';
import type { EventsContext } from '../events-context.js';

/** DeleteArchive: unlike DeleteRule, deleting an unknown archive is an error (recorded, §5.2). */
export function deleteArchive(context: EventsContext, body: unknown): object {
  const { name } = readArchiveName(body);
  existingArchive(context, name);
  context.archives.delete(name);
  context.reroute();
  return {};
}
