import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { gzipSync } from 'node:zlib';

// `cdk synth` wall time (the CLI as `npm run synth` runs it: app, esbuild bundling of every consumer,
// cdk-nag) and each consumer's bundle size, minified, AWS SDK excluded. Prints Markdown for
// BENCHMARKS.md. Usage: `npm run bench:synth [-- <runs>]`.

const runs = Number(process.argv[2] ?? 3);
const durations: number[] = [];
let outdir = '';
for (let run = 0; run < runs; run++) {
  if (outdir !== '') rmSync(outdir, { recursive: true, force: true });
  outdir = mkdtempSync(join(tmpdir(), 'trackbridge-synth-'));
  const started = performance.now();
  execFileSync('npx', ['cdk', 'synth', '-q', '-o', outdir], { stdio: 'ignore' });
  durations.push((performance.now() - started) / 1000);
}

type Resource = { Type: string; Properties: { FunctionName?: string; Code?: { S3Key?: string } } };
const template = JSON.parse(readFileSync(join(outdir, 'Trackbridge.template.json'), 'utf8')) as {
  Resources: Record<string, Resource>;
};
const rows = Object.values(template.Resources)
  .filter((resource) => resource.Type === 'AWS::Lambda::Function')
  .map((resource) => {
    const asset = join(outdir, `asset.${String(resource.Properties.Code?.S3Key).replace(/\.zip$/, '')}`);
    const bundle = readFileSync(join(asset, 'index.mjs'));
    const kb = (bytes: number) => (bytes / 1024).toFixed(1);
    return `| ${resource.Properties.FunctionName} | ${kb(bundle.length)} | ${kb(gzipSync(bundle).length)} | ${kb(statSync(join(asset, 'index.mjs.map')).size)} |`;
  });
rmSync(outdir, { recursive: true, force: true });

const sorted = [...durations].sort((a, b) => a - b);
const median = sorted[Math.floor(sorted.length / 2)] ?? 0;
console.log(`Machine: ${cpus()[0]?.model ?? 'unknown'}, ${cpus().length} CPUs, Node.js ${process.version}`);
console.log(`\n\`cdk synth -q\` wall time over ${runs} runs: median ${median.toFixed(1)} s`);
console.log(`(min ${sorted[0]?.toFixed(1)} s, max ${sorted.at(-1)?.toFixed(1)} s)\n`);
console.log('| Consumer function | index.mjs (KB) | gzip (KB) | source map (KB) |');
console.log('| --- | ---: | ---: | ---: |');
for (const row of rows) console.log(row);
