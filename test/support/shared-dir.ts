import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root (two levels above this file), wherever the clone is. */
export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

/**
 * `../shared` beside the clone (CI puts it there): data recorded by other projects, such as the
 * AWS-recorded conformance corpus, which this repository must not carry. Tests that use it run when
 * it is present and skip visibly otherwise. `TRACKBRIDGE_SHARED_DIR` overrides the location.
 */
export const sharedDir = resolve(process.env.TRACKBRIDGE_SHARED_DIR ?? resolve(repoRoot, '..', 'shared'));

/** Where a shared input is, and why it cannot be used when it is absent. */
export interface SharedInput {
  readonly path: string;
  /** Undefined when the file exists; otherwise a sentence naming what is missing and where it was looked for. */
  readonly missing: string | undefined;
}

export function sharedInput(...parts: string[]): SharedInput {
  const path = resolve(sharedDir, ...parts);
  const missing = existsSync(path)
    ? undefined
    : `needs ../shared/${parts.join('/')}, not found at ${path} ` +
      '(CI places shared/ beside the clone; TRACKBRIDGE_SHARED_DIR sets another place)';
  return { path, missing };
}
