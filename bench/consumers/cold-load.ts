import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { build } from 'esbuild';
import { resolveCatalogPath } from '../../rules/catalog/index.js';
import { median } from './statistics.js';

const OUT_DIR = resolveCatalogPath('bench/.data/consumers');

/**
 * Bundles a handler as the CDK stack deploys it (esbuild, CommonJS, Node 20, AWS SDK v3 left to
 * the runtime: DESIGN §7) and returns the bundle's path.
 */
export async function bundleHandler(name: string, entry: string): Promise<string> {
  mkdirSync(OUT_DIR, { recursive: true });
  const outfile = resolve(OUT_DIR, `${name}.cjs`);
  await build({
    entryPoints: [resolveCatalogPath(entry)],
    outfile,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    external: ['@aws-sdk/*'],
    logLevel: 'silent',
  });
  return outfile;
}

/**
 * Median milliseconds a fresh `node` process spends in `require(bundle)`, over `runs` processes.
 * With `preload`, those modules are required first, outside the timing, so their share drops out.
 */
export function coldLoadMs(bundle: string, options: { runs: number; preload?: readonly string[] }): number {
  const preload = (options.preload ?? []).map((id) => `require(${JSON.stringify(id)});`).join('');
  const script = `${preload}const t=performance.now();require(${JSON.stringify(bundle)});process.stdout.write(String(performance.now()-t));`;
  const samples = Array.from({ length: options.runs }, () =>
    Number(
      execFileSync(process.execPath, ['-e', script], { cwd: resolveCatalogPath('.'), encoding: 'utf8' }),
    ),
  );
  return median(samples);
}

/** Median milliseconds a fresh process spends requiring the given modules alone. */
export function coldRequireMs(ids: readonly string[], runs: number): number {
  const body = ids.map((id) => `require(${JSON.stringify(id)});`).join('');
  const script = `const t=performance.now();${body}process.stdout.write(String(performance.now()-t));`;
  const samples = Array.from({ length: runs }, () =>
    Number(
      execFileSync(process.execPath, ['-e', script], { cwd: resolveCatalogPath('.'), encoding: 'utf8' }),
    ),
  );
  return median(samples);
}

/**
 * Bundles what a consumer would load at cold start without generated validators: ajv's compiler,
 * ajv-formats, and compiling the consumer's envelope schema. For comparison only.
 */
export async function bundleRuntimeAjv(name: string, envelopeSchema: unknown): Promise<string> {
  mkdirSync(OUT_DIR, { recursive: true });
  const outfile = resolve(OUT_DIR, `${name}.runtime-ajv.cjs`);
  await build({
    stdin: {
      contents: `import { createSchemaAjv } from './rules/catalog/create-schema-ajv.ts';\ncreateSchemaAjv().compile(${JSON.stringify(envelopeSchema)});\n`,
      resolveDir: resolveCatalogPath('.'),
      loader: 'ts',
    },
    outfile,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    logLevel: 'silent',
  });
  return outfile;
}
