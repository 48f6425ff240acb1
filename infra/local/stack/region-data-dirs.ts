import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { isAwsPartitionRegion } from '../events/served-region.js';

/**
 * Where a Region other than home keeps its event log: `<dataDir>/regions/<region>/events.sqlite`
 * (the home Region's stays `<dataDir>/events.sqlite`, as before Regions existed). Undefined in
 * memory (`--memory`).
 */
export function regionDataDir(dataDir: string | undefined, region: string): string | undefined {
  return dataDir === undefined ? undefined : join(dataDir, 'regions', region);
}

/** The Regions other than `home` with a log under `dataDir`, opened at start so their work resumes. */
export function regionsOnDisk(dataDir: string | undefined, home: string): string[] {
  if (dataDir === undefined) return [];
  let names: string[];
  try {
    names = readdirSync(join(dataDir, 'regions'));
  } catch {
    return [];
  }
  return names.filter((name) => name !== home && isAwsPartitionRegion(name)).sort();
}
