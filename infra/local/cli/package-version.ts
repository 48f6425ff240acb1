import { readFileSync } from 'node:fs';

/** The `version` of trackbridge's package.json, the one place it is written. */
export function packageVersion(): string {
  const text = readFileSync(new URL('../../../package.json', import.meta.url), 'utf8');
  const { version } = JSON.parse(text) as { version?: unknown };
  if (typeof version !== 'string') throw new Error('package.json has no "version"');
  return version;
}
