/**
 * `npm run bench -- <name> [options]` runs one benchmark; without a name, every one in turn.
 * Each benchmark prints its figures and ratios measured within its own run.
 */
type Benchmark = (args: string[]) => Promise<void> | void;

const benchmarks: Record<string, Benchmark> = {
  patterns: async (args) => (await import('./patterns.js')).benchPatterns(args),
  consumers: async () => (await import('./consumers.js')).run(),
  'cdk-synth': async () => (await import('./cdk-synth.js')).run(),
  e2e: async () => (await import('./e2e.js')).run(),
  replay: async () => (await import('./replay.js')).run(),
  producer: async (args) => (await import('./producer.js')).run(args),
};

const [requested, ...args] = process.argv.slice(2).filter((arg) => arg !== '--');
const names = requested === undefined ? Object.keys(benchmarks) : [requested];
for (const name of names) {
  const benchmark = benchmarks[name];
  if (benchmark === undefined) {
    console.error(`Unknown benchmark "${name}"; known: ${Object.keys(benchmarks).join(', ')}`);
    process.exit(2);
  }
  await benchmark(args);
}
