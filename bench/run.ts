/**
 * `npm run bench -- <name>`: runs one benchmark (or all), each recording its figures in
 * BENCHMARKS.md. Each benchmark module exports `run(): Promise<void>`.
 */
const benchmarks: Record<string, () => Promise<{ run: () => Promise<void> }>> = {
  e2e: () => import('./e2e.js'),
};

const requested = process.argv.slice(2).filter((arg) => arg !== '--');
const names = requested.length > 0 ? requested : Object.keys(benchmarks);
for (const name of names) {
  const load = benchmarks[name];
  if (load === undefined) {
    process.stderr.write(`unknown benchmark "${name}"; known: ${Object.keys(benchmarks).join(', ')}\n`);
    process.exit(2);
  }
  await (await load()).run();
}
