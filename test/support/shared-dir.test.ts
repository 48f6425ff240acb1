import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';

const here = mkdtempSync(join(tmpdir(), 'trackbridge-shared-dir-'));
writeFileSync(join(here, 'corpus.json'), '[]');
afterAll(() => rmSync(here, { recursive: true, force: true }));

/** shared-dir.ts reads TRACKBRIDGE_SHARED_DIR once, at load: load a fresh copy per setting. */
async function load(dir: string | undefined) {
  vi.resetModules();
  if (dir === undefined) vi.stubEnv('TRACKBRIDGE_SHARED_DIR', undefined);
  else vi.stubEnv('TRACKBRIDGE_SHARED_DIR', dir);
  try {
    return await import('./shared-dir.js');
  } finally {
    vi.unstubAllEnvs();
  }
}

describe('sharedInput', () => {
  it('looks for shared/ beside the clone, relative to the repository root', async () => {
    const { repoRoot, sharedDir } = await load(undefined);
    expect(sharedDir).toBe(resolve(repoRoot, '..', 'shared'));
  });

  it('finds a file that is there', async () => {
    const { sharedInput } = await load(here);
    expect(sharedInput('corpus.json')).toEqual({ path: join(here, 'corpus.json'), missing: undefined });
  });

  it('names the missing file and where it looked when an input is absent', async () => {
    const { sharedInput } = await load(here);
    expect(sharedInput('conformance', 'event-patterns.json').missing).toBe(
      `needs ../shared/conformance/event-patterns.json, not found at ${join(here, 'conformance', 'event-patterns.json')} ` +
        '(CI places shared/ beside the clone; TRACKBRIDGE_SHARED_DIR sets another place)',
    );
  });
});
