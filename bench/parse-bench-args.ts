/** What `npm run bench -- [name] [--record]` asks for. */
export interface BenchOptions {
  /** Write the figures into BENCHMARKS.md as well as printing them; off unless `--record` is given. */
  readonly record: boolean;
}

export interface BenchRequest {
  /** The one benchmark to run; undefined runs every one. */
  readonly name: string | undefined;
  readonly options: BenchOptions;
}

/** Parses the benchmark runner's arguments; a usage message as `error` for anything else. */
export function parseBenchArgs(argv: readonly string[]): BenchRequest | { error: string } {
  const args = argv.filter((arg) => arg !== '--');
  const flags = args.filter((arg) => arg.startsWith('-'));
  const names = args.filter((arg) => !arg.startsWith('-'));
  const unknown = flags.filter((flag) => flag !== '--record');
  if (unknown.length > 0 || names.length > 1) {
    return {
      error: `unexpected ${[...unknown, ...names.slice(1)].join(' ')}; usage: npm run bench -- [name] [--record]`,
    };
  }
  return { name: names[0], options: { record: flags.includes('--record') } };
}
