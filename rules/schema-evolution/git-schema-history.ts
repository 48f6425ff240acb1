import { execFileSync } from 'node:child_process';
import { resolveCatalogPath } from '../catalog/index.js';
import { SchemaHistoryError } from './schema-history-error.js';

const root = resolveCatalogPath('.');

function git(args: readonly string[]): string {
  return execFileSync('git', [...args], { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

function resolves(ref: string): boolean {
  try {
    git(['rev-parse', '--verify', '--quiet', `${ref}^{commit}`]);
    return true;
  } catch {
    return false;
  }
}

/**
 * The commit the schemas are compared with: `ref` when given, else the main branch as last
 * fetched (`origin/main`), else the local `main`. Throws `SchemaHistoryError` saying what is
 * missing: git itself, a repository, or the ref.
 */
export function resolveSchemaBaseline(ref?: string): string {
  try {
    git(['rev-parse', '--git-dir']);
  } catch (error) {
    const missing = (error as NodeJS.ErrnoException).code === 'ENOENT';
    throw new SchemaHistoryError(missing ? 'git is not installed' : `${root} is not a git repository`, {
      cause: error,
    });
  }
  const candidates = ref === undefined ? ['origin/main', 'main'] : [ref];
  const found = candidates.find(resolves);
  if (found === undefined) {
    throw new SchemaHistoryError(
      `${ref === undefined ? 'neither origin/main nor main is' : `${ref} is not`} a commit here (a shallow clone of another branch?); pass --against <git-ref>`,
    );
  }
  return found;
}

/** The text of a repository file at a commit, or undefined when the file is not in it. */
export function readFileAt(ref: string, file: string): string | undefined {
  try {
    return git(['show', `${ref}:${file}`]);
  } catch {
    return undefined;
  }
}
