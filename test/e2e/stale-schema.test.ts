import { execFileSync } from 'node:child_process';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyRepository, type RepositoryCopy } from '../support/repository-copy.js';
import { runTrackbridgeIn } from './support/run-trackbridge-in.js';

type CatalogModule = typeof import('../../rules/catalog/index.js');

let copy: RepositoryCopy;
let catalog: CatalogModule;

/** Adds a required field to page-viewed's schema in the copy, as a person edits it. */
function editSchema(root: string): void {
  const path = join(root, 'schemas/page-viewed.json');
  const schema = JSON.parse(readFileSync(path, 'utf8')) as { required: string[]; properties: object };
  schema.required.push('campaignId');
  schema.properties = { ...schema.properties, campaignId: { type: 'string', maxLength: 64 } };
  writeFileSync(path, `${JSON.stringify(schema, null, 2)}\n`);
}

beforeAll(async () => {
  copy = copyRepository();
  editSchema(copy.root);
  catalog = (await import(pathToFileURL(join(copy.root, 'rules/catalog/index.ts')).href)) as CatalogModule;
});
afterAll(() => copy.remove());

describe('a schema edited without regenerating its validator', () => {
  it('makes loadCatalog() refuse, naming the schema, the stale file and the command that fixes it', () => {
    expect(() => catalog.loadCatalog()).toThrow(catalog.StaleGeneratedFileError);
    expect(() => catalog.loadCatalog()).toThrow(
      'consumers/page-viewed/validate-event.generated.js is stale: schemas/page-viewed.json changed since it was generated',
    );
    expect(() => catalog.loadCatalog()).toThrow(/run `npm run generate:validators`/);
  });

  it('makes `trackbridge start` exit 2 with one line saying so, before it opens anything', async () => {
    const dataDir = join(copy.root, 'data');
    const run = await runTrackbridgeIn(copy.root, ['start', '--port', '0', '--data-dir', dataDir]);
    expect(run.code).toBe(2);
    expect(run.stderr.trim().split('\n')).toEqual([
      expect.stringMatching(
        /^trackbridge start: consumers\/page-viewed\/validate-event\.generated\.js is stale: schemas\/page-viewed\.json changed .*; run `npm run generate:validators`/,
      ),
    ]);
    expect(run.stdout).toBe('');
  });

  it('is accepted again once `npm run generate:validators` has run', () => {
    execFileSync(process.execPath, ['--import', 'tsx', 'consumers/codegen/write-event-validators.ts'], {
      cwd: copy.root,
      stdio: 'ignore',
    });
    expect(catalog.loadCatalog().map((entry) => entry.ruleName)).toContain('page-viewed');
  });

  it('refuses a missing generated file too', async () => {
    const other = copyRepository();
    try {
      rmSync(join(other.root, 'consumers/user-logged-out/validate-event.generated.d.ts'));
      const run = await runTrackbridgeIn(other.root, ['start', '--port', '0', '--memory']);
      expect(run.code).toBe(2);
      expect(run.stderr).toContain(
        'consumers/user-logged-out/validate-event.generated.d.ts (generated from schemas/user-logged-out.json) is missing',
      );
    } finally {
      other.remove();
    }
  });
});
