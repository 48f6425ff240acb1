import { readFileSync, renameSync, writeFileSync } from 'node:fs';

/** TTL enabled on one table: the attribute, and which incarnation of the table it was set on. */
export interface TimeToLiveSpec {
  readonly attributeName: string;
  /** dynalite's `TableId`: a table deleted and created again under the name starts disabled. */
  readonly tableId: string;
}

/**
 * The tables with TTL enabled, kept beside dynalite's store (`<dataDir>/dynamodb-ttl.json`, in
 * memory with `--memory`) since dynalite has no TTL of its own. Written whole on each change
 * (rare: an UpdateTimeToLive), through a rename so a crash leaves the old file or the new one.
 */
export class TimeToLiveSpecs {
  private readonly specs: Map<string, TimeToLiveSpec>;

  constructor(private readonly path: string | undefined) {
    this.specs = new Map(Object.entries(path === undefined ? {} : readSpecs(path)));
  }

  /** The spec of `tableName` if TTL is enabled on this incarnation of it. */
  get(tableName: string, tableId: string): TimeToLiveSpec | undefined {
    const spec = this.specs.get(tableName);
    return spec?.tableId === tableId ? spec : undefined;
  }

  entries(): [string, TimeToLiveSpec][] {
    return [...this.specs];
  }

  set(tableName: string, spec: TimeToLiveSpec | undefined): void {
    if (spec === undefined) this.specs.delete(tableName);
    else this.specs.set(tableName, spec);
    if (this.path === undefined) return;
    writeFileSync(`${this.path}.tmp`, `${JSON.stringify(Object.fromEntries(this.specs), null, 2)}\n`);
    renameSync(`${this.path}.tmp`, this.path);
  }
}

function readSpecs(path: string): Record<string, TimeToLiveSpec> {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return {};
    throw error;
  }
  return JSON.parse(text) as Record<string, TimeToLiveSpec>;
}
