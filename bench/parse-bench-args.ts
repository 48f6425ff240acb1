/** What `npm run bench -- [name] [--record] [--seconds=<n>]` asks for. */
export interface BenchOptions {
  /** Write the figures into BENCHMARKS.md as well as printing them; off unless `--record` is given. */
  readonly record: boolean;
  /** Seconds per measured phase, for benchmarks that take it (overload); absent: each one's default. */
  readonly seconds?: number;
}

export interface BenchRequest {
  /** The one benchmark to run; undefined runs every one. */
  readonly name: string | undefined;
  readonly options: BenchOptions;
}

const USAGE = 'usage: npm run bench -- [name] [--record] [--seconds=<n>]';

/** Parses the benchmark runner's arguments; a usage message as `error` for anything else. */
export function parseBenchArgs(argv: readonly string[]): BenchRequest | { error: string } {
  const args = argv.filter((arg) => arg !== '--');
  const flags = args.filter((arg) => arg.startsWith('-'));
  const names = args.filter((arg) => !arg.startsWith('-'));
  const secondsFlag = flags.find((flag) => flag.startsWith('--seconds='));
  const unknown = flags.filter((flag) => flag !== '--record' && flag !== secondsFlag);
  if (unknown.length > 0 || names.length > 1) {
    return { error: `unexpected ${[...unknown, ...names.slice(1)].join(' ')}; ${USAGE}` };
  }
  const options = { record: flags.includes('--record') };
  if (secondsFlag === undefined) return { name: names[0], options };
  const seconds = Number(secondsFlag.slice('--seconds='.length));
  if (!Number.isInteger(seconds) || seconds < 1)
    return { error: `${secondsFlag} is not whole seconds; ${USAGE}` };
  return { name: names[0], options: { ...options, seconds } };
}
