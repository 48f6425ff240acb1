/**
 * Why the local stack cannot start. Each message is one line that says what is wrong and what to
 * do, printed as is by `trackbridge start` (exit code 2, no stack trace).
 */
export class StartupError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'StartupError';
  }
}

/** Another live process holds the data folder's lock file. */
export class DataDirInUseError extends StartupError {
  constructor(
    readonly dataDir: string,
    readonly pid: number,
    since: string,
  ) {
    super(
      `the data folder ${dataDir} is in use by trackbridge process ${pid} (running since ${since}); ` +
        'stop that process, or start this one with another --data-dir or --memory',
    );
    this.name = 'DataDirInUseError';
  }
}

/** The data folder cannot be created or written: a file in its place, or a read-only location. */
export class DataDirUnusableError extends StartupError {
  constructor(
    readonly dataDir: string,
    reason: string,
    options?: { cause?: unknown },
  ) {
    super(`the data folder ${dataDir} ${reason}; choose another with --data-dir, or use --memory`, options);
    this.name = 'DataDirUnusableError';
  }
}

/**
 * The event log cannot be trusted: damaged (then `trackbridge repair` rebuilds it from its readable
 * rows), or emptied while the table store still holds items (nothing left to rebuild from).
 */
export class EventLogDamagedError extends StartupError {
  constructor(
    readonly path: string,
    reason: string,
    options?: { cause?: unknown; repairable?: { dataDir: string } },
  ) {
    const repair = options?.repairable;
    super(
      repair === undefined
        ? `the event log ${path} ${reason}; restore the data folder from a backup, or move it aside to start afresh`
        : `the event log ${path} ${reason}; run \`trackbridge repair --data-dir ${repair.dataDir}\` to rebuild it from its readable rows (the damaged file is kept aside), or restore the data folder from a backup`,
      options,
    );
    this.name = 'EventLogDamagedError';
  }
}

/** Something else listens on the port asked for. */
export class PortInUseError extends StartupError {
  constructor(
    readonly host: string,
    readonly port: number,
    options?: { cause?: unknown },
  ) {
    super(`port ${port} on ${host} is in use; choose another with --port (0 picks a free one)`, options);
    this.name = 'PortInUseError';
  }
}
