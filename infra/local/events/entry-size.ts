/** The members of a PutEvents entry that count towards its size. */
export interface SizedEntry {
  readonly hasTime: boolean;
  readonly source?: string;
  readonly detailType?: string;
  readonly detail?: string;
  readonly resources?: readonly string[];
}

/**
 * AWS's entry size: 14 bytes when `Time` is set, plus the UTF-8 bytes of Source, DetailType,
 * Detail and each Resources element; EventBusName and TraceHeader do not count
 * (User Guide, "Calculating Amazon EventBridge PutEvents event entry size").
 */
export function entrySize(entry: SizedEntry): number {
  let size = entry.hasTime ? 14 : 0;
  for (const text of [entry.source, entry.detailType, entry.detail]) {
    if (text !== undefined) size += Buffer.byteLength(text, 'utf8');
  }
  for (const resource of entry.resources ?? []) size += Buffer.byteLength(resource, 'utf8');
  return size;
}
