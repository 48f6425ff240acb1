import { readdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

// `npm run bench -- <name>...` runs bench/<name>.ts; without names, every bench/*.ts but this one.
const here = dirname(fileURLToPath(import.meta.url));
const requested = process.argv.slice(2);
const names =
  requested.length > 0
    ? requested
    : readdirSync(here)
        .filter((file) => file.endsWith('.ts') && file !== 'run.ts')
        .map((file) => file.slice(0, -'.ts'.length));

for (const name of names) {
  const module = (await import(`./${name}.ts`)) as { run?: () => Promise<void> };
  if (typeof module.run !== 'function') throw new Error(`bench/${name}.ts does not export run()`);
  await module.run();
}
