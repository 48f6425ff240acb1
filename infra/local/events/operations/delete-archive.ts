import { deleteArchiveRule } from '../../archive/archive-rule.js';
import { existingArchive } from '../../archive/existing-archive.js';
import { readArchiveName } from '../../archive/read-archive-name.js';
import type { EventsContext } from '../events-context.js';

/**
 * DeleteArchive: unlike DeleteRule, deleting an unknown archive is an error (recorded, §5.2).
 * Its managed rule and target go with it.
 */
export function deleteArchive(context: EventsContext, body: unknown): object {
  const { name } = readArchiveName(body);
  const archive = existingArchive(context, name);
  context.archives.delete(name);
  deleteArchiveRule(context, archive);
  context.reroute();
  return {};
}
