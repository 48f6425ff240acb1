import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root (two levels above this file). */
export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

/**
 * `../shared` beside the clone: conformance data and benchmark inputs recorded against AWS.
 * It is not part of the product, so tests read it in place rather than copying it.
 * `TRACKBRIDGE_SHARED_DIR` overrides the location.
 */
export const sharedDir = resolve(process.env.TRACKBRIDGE_SHARED_DIR ?? resolve(repoRoot, '..', 'shared'));

export function sharedFile(...parts: string[]): string {
  const path = resolve(sharedDir, ...parts);
  if (!existsSync(path)) {
    throw new Error(`Missing shared input ${path}; set TRACKBRIDGE_SHARED_DIR to the shared folder.`);
  }
  return path;
}
