import { readdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * `npm run bench -- <name> [options]` runs one benchmark; without a name, every one. A benchmark
 * is `bench/<name>.ts` exporting `run()`, or one named below with its own entry.
 */
const named: Record<string, (args: string[]) => Promise<void> | void> = {
  patterns: async (args) => (await import('./patterns.js')).benchPatterns(args),
};

const here = dirname(fileURLToPath(import.meta.url));
const [requested, ...args] = process.argv.slice(2).filter((arg) => arg !== '--');
const names =
  requested !== undefined
    ? [requested]
    : readdirSync(here)
        .filter((file) => file.endsWith('.ts') && file !== 'run.ts')
        .map((file) => file.slice(0, -'.ts'.length));

for (const name of names) {
  const entry = named[name];
  if (entry !== undefined) {
    await entry(args);
    continue;
  }
  const module = (await import(`./${name}.ts`)) as { run?: () => Promise<void> };
  if (typeof module.run !== 'function') throw new Error(`bench/${name}.ts does not export run()`);
  await module.run();
}
