import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { gzipSync } from 'node:zlib';

// `cdk synth` wall time (the CLI as `npm run synth` runs it: app, esbuild bundling of every consumer,
// cdk-nag) and each consumer's bundle size, minified, AWS SDK excluded. Prints Markdown for
// BENCHMARKS.md. Usage: `npm run bench -- cdk-synth`.

const RUNS = 3;

type Resource = { Type: string; Properties: { FunctionName?: string; Code?: { S3Key?: string } } };

/** `npm run bench -- cdk-synth`: the median synth time of RUNS runs and the bundles of the last. */
export async function run(): Promise<void> {
  const outdir = mkdtempSync(join(tmpdir(), 'trackbridge-synth-'));
  try {
    const seconds = Array.from({ length: RUNS }, () => synthSeconds(outdir)).sort((a, b) => a - b);
    const median = seconds[Math.floor(seconds.length / 2)] ?? 0;
    console.log(
      `Machine: ${cpus()[0]?.model ?? 'unknown'}, ${cpus().length} CPUs, Node.js ${process.version}`,
    );
    console.log(`Load average after the runs: ${loadavg()[0]?.toFixed(1)}`);
    console.log(`\n\`cdk synth -q\` wall time over ${RUNS} runs: median ${median.toFixed(1)} s`);
    console.log(`(min ${seconds[0]?.toFixed(1)} s, max ${seconds.at(-1)?.toFixed(1)} s)\n`);
    console.log('| Consumer function | index.mjs (KB) | gzip (KB) | source map (KB) |');
    console.log('| --- | ---: | ---: | ---: |');
    for (const row of bundleRows(outdir)) console.log(row);
  } finally {
    rmSync(outdir, { recursive: true, force: true });
  }
}

function synthSeconds(outdir: string): number {
  const started = performance.now();
  execFileSync('npx', ['cdk', 'synth', '-q', '-o', outdir], { stdio: 'ignore' });
  return (performance.now() - started) / 1000;
}

function bundleRows(outdir: string): string[] {
  const template = JSON.parse(readFileSync(join(outdir, 'Trackbridge.template.json'), 'utf8')) as {
    Resources: Record<string, Resource>;
  };
  const kb = (bytes: number) => (bytes / 1024).toFixed(1);
  return Object.values(template.Resources)
    .filter((resource) => resource.Type === 'AWS::Lambda::Function')
    .map((resource) => {
      const asset = join(outdir, `asset.${String(resource.Properties.Code?.S3Key).replace(/\.zip$/, '')}`);
      const bundle = readFileSync(join(asset, 'index.mjs'));
      const map = statSync(join(asset, 'index.mjs.map')).size;
      return `| ${resource.Properties.FunctionName} | ${kb(bundle.length)} | ${kb(gzipSync(bundle).length)} | ${kb(map)} |`;
    });
}
