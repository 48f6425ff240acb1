import { cpSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { repoRoot } from './shared-dir.js';

/** What a working copy of the project needs to load its catalog and run `trackbridge`. */
const PARTS = ['package.json', 'tsconfig.json', 'bin', 'infra', 'rules', 'consumers', 'schemas'];

/** A temporary copy of the project, sharing this one's node_modules, to edit without touching it. */
export interface RepositoryCopy {
  readonly root: string;
  readonly remove: () => void;
}

/** Copies the catalog, schemas, consumers and CLI into a fresh temporary folder. */
export function copyRepository(): RepositoryCopy {
  const root = mkdtempSync(join(tmpdir(), 'trackbridge-copy-'));
  for (const part of PARTS) cpSync(join(repoRoot, part), join(root, part), { recursive: true });
  symlinkSync(join(repoRoot, 'node_modules'), join(root, 'node_modules'), 'dir');
  return { root, remove: () => rmSync(root, { recursive: true, force: true }) };
}
