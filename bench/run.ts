import { benchPatterns } from './patterns.js';

/** Benchmarks by name: `npm run bench -- <name> [options]`; no name runs them all. */
const benchmarks: Record<string, (args: string[]) => void> = {
  patterns: benchPatterns,
};

const [name, ...args] = process.argv.slice(2);
const chosen = name === undefined ? Object.keys(benchmarks) : [name];
for (const benchmark of chosen) {
  const run = benchmarks[benchmark];
  if (run === undefined) {
    console.error(`Unknown benchmark ${benchmark}; known: ${Object.keys(benchmarks).join(', ')}`);
    process.exit(2);
  }
  run(args);
}
