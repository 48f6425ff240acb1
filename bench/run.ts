import { type BenchOptions, parseBenchArgs } from './parse-bench-args.js';

/**
 * `npm run bench -- <name> [--record] [--seconds=<n>]` runs one benchmark; without a name, every one
 * in turn (`--seconds` sets overload's phase length).
 * Each benchmark prints its figures and ratios measured within its own run. Only with `--record`
 * do patterns, e2e, replay, overload, metrics, kill9 and disk-full also write their section of BENCHMARKS.md; consumers and cdk-synth
 * always print only (their sections are kept by hand).
 */
type Benchmark = (options: BenchOptions) => Promise<void> | void;

const printOnly = (name: string, options: BenchOptions) => {
  if (options.record) console.log(`(${name} prints only; --record writes nothing for it)`);
};

const benchmarks: Record<string, Benchmark> = {
  patterns: async (options) => (await import('./patterns.js')).benchPatterns(options),
  consumers: async (options) => {
    printOnly('consumers', options);
    await (await import('./consumers.js')).run();
  },
  'cdk-synth': async (options) => {
    printOnly('cdk-synth', options);
    await (await import('./cdk-synth.js')).run();
  },
  e2e: async (options) => (await import('./e2e.js')).run(options),
  replay: async (options) => (await import('./replay.js')).run(options),
  producer: async (options) => (await import('./producer.js')).run(options),
  'input-shaping': async (options) => {
    printOnly('input-shaping', options);
    (await import('./input-shaping.js')).run();
  },
  overload: async (options) => (await import('./overload.js')).run(options),
  kill9: async (options) => (await import('./kill9.js')).run(options),
  'disk-full': async (options) => (await import('./disk-full.js')).run(options),
  metrics: async (options) => (await import('./metrics-overhead.js')).run(options),
};

const request = parseBenchArgs(process.argv.slice(2));
if ('error' in request) {
  console.error(`${request.error} (names: ${Object.keys(benchmarks).join(', ')})`);
  process.exit(2);
}
const { options } = request;
const names = request.name === undefined ? Object.keys(benchmarks) : [request.name];
for (const name of names) {
  const benchmark = benchmarks[name];
  if (benchmark === undefined) {
    console.error(`Unknown benchmark "${name}"; known: ${Object.keys(benchmarks).join(', ')}`);
    process.exit(2);
  }
  await benchmark(options);
}
