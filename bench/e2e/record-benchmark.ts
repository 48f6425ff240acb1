import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { join } from 'node:path';

function cpuModel(): string {
  try {
    const line = execFileSync('lscpu', { encoding: 'utf8' })
      .split('\n')
      .find((candidate) => candidate.startsWith('Model name'));
    return line?.split(':')[1]?.trim() ?? cpus()[0]?.model ?? 'unknown';
  } catch {
    return cpus()[0]?.model ?? 'unknown';
  }
}

/** The machine line every BENCHMARKS.md section starts with. */
export function machineLine(): string {
  return `Machine: ${cpuModel()}, ${cpus().length} CPUs, Node.js ${process.version}; run ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC.`;
}

/** Replaces (or appends) the section headed `heading` in BENCHMARKS.md with `body`. */
export function recordSection(options: { root: string; heading: string; body: string }): void {
  const path = join(options.root, 'BENCHMARKS.md');
  const text = readFileSync(path, 'utf8');
  const section = `${options.heading}\n\n${options.body.trim()}\n`;
  const start = text.indexOf(`${options.heading}\n`);
  if (start < 0) {
    writeFileSync(path, `${text.trimEnd()}\n\n${section}`);
    formatAsBiome(options.root, path);
    return;
  }
  const next = text.indexOf('\n## ', start + options.heading.length);
  const end = next < 0 ? text.length : next + 1;
  writeFileSync(path, `${text.slice(0, start)}${section}${next < 0 ? '' : `\n${text.slice(end)}`}`);
  formatAsBiome(options.root, path);
}

/** Lays the file out as `npm run lint` expects (tables aligned), so a recorded run keeps the lint clean. */
function formatAsBiome(root: string, path: string): void {
  execFileSync(join(root, 'node_modules/.bin/biome'), ['format', '--write', path], {
    cwd: root,
    stdio: 'ignore',
  });
}
