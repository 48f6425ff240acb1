/** The archive every deployment of the catalog keeps of its bus: every event, no pattern. */
export interface DefaultArchive {
  /** `<bus>-archive`, the name the CDK app gives the bus's archive too. */
  readonly name: string;
  /** 0 keeps events forever (CreateArchive `RetentionDays`). */
  readonly retentionDays: number;
}

/**
 * Days the default archive keeps events: a year, the CDK app's default too (`archiveRetentionDays`),
 * long enough to backfill a consumer added months after its events.
 */
export const DEFAULT_ARCHIVE_RETENTION_DAYS = 365;

/** The default archive of `busName`: every event on it, kept `retentionDays`. */
export function defaultArchive(
  busName: string,
  retentionDays = DEFAULT_ARCHIVE_RETENTION_DAYS,
): DefaultArchive {
  return { name: `${busName}-archive`, retentionDays };
}
