import { archiveDescription } from '../../archive/archive-output.js';
import { existingArchive } from '../../archive/existing-archive.js';
import { readArchiveName } from '../../archive/read-archive-name.js';
import type { EventsContext } from '../events-context.js';

/** DescribeArchive: the archive with its EventCount and SizeBytes. */
export function describeArchive(context: EventsContext, body: unknown): object {
  const { name } = readArchiveName(body);
  return archiveDescription(context.scope, existingArchive(context, name));
}
