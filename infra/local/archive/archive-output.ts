import { type ArnScope, archiveArn, busArn } from '../events/arns.js';
import type { ArchiveRecord } from '../store/archive-store.js';

/** An archive as ListArchives returns it (`Archive` shape); times are epoch seconds (§2.2). */
export function archiveSummary(scope: ArnScope, archive: ArchiveRecord): object {
  return {
    ArchiveName: archive.name,
    EventSourceArn: busArn(scope, archive.bus),
    State: archive.state,
    RetentionDays: archive.retentionDays,
    SizeBytes: archive.sizeBytes,
    EventCount: archive.eventCount,
    CreationTime: archive.createdAt / 1000,
  };
}

/** An archive as DescribeArchive returns it: the summary plus ARN, description, pattern and key. */
export function archiveDescription(scope: ArnScope, archive: ArchiveRecord): object {
  return {
    ArchiveArn: archiveArn(scope, archive.name),
    ...archiveSummary(scope, archive),
    ...(archive.description === undefined ? {} : { Description: archive.description }),
    ...(archive.eventPattern === undefined ? {} : { EventPattern: archive.eventPattern }),
    ...(archive.kmsKeyIdentifier === undefined ? {} : { KmsKeyIdentifier: archive.kmsKeyIdentifier }),
  };
}
