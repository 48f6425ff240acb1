import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { acquireDataDirLock } from '../../stack/data-dir-lock.js';
import { StartupError } from '../../stack/errors.js';
import { isDamageCode, recoverEventLog } from '../../store/recover-event-log.js';
import { CliError, exitCodes } from '../cli-error.js';
import type { CliIo } from '../cli-io.js';
import { parseFlags } from '../parse-flags.js';

/** `PRAGMA quick_check` of the log at `path`: undefined when sound, else its first finding. */
function damage(path: string): string | undefined {
  try {
    // Read only: a damaged file gets no migration or checkpoint written into it.
    const db = new Database(path, { readonly: true, fileMustExist: true });
    try {
      const rows = db.pragma('quick_check') as { quick_check: string }[];
      return rows.map((row) => row.quick_check).join() === 'ok' ? undefined : (rows[0]?.quick_check ?? '');
    } finally {
      db.close();
    }
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    if (isDamageCode(code)) return `${String(code)}: ${(error as Error).message}`;
    throw error;
  }
}

/**
 * `trackbridge repair [--data-dir <dir>]`: with the stack stopped, checks the event log and, when
 * damaged, rebuilds it from its readable rows (`recoverEventLog`), keeping the damaged file aside.
 * The table then may hold items whose events were lost from the log; `trackbridge verify` compares
 * the two once the stack runs again.
 */
export async function runRepairCommand(args: readonly string[], io: CliIo): Promise<number> {
  const { values } = parseFlags('repair', args, { 'data-dir': { type: 'string' } });
  const dataDir = resolve(values['data-dir'] ?? io.env.TRACKBRIDGE_DATA_DIR ?? '.trackbridge');
  const path = join(dataDir, 'events.sqlite');
  if (!existsSync(path)) throw new CliError(`there is no event log at ${path}; give the stack's --data-dir.`);
  let lock: ReturnType<typeof acquireDataDirLock>;
  try {
    lock = acquireDataDirLock(dataDir);
  } catch (error) {
    if (error instanceof StartupError) throw new CliError(error.message, exitCodes.usage, { cause: error });
    throw error;
  }
  try {
    const found = damage(path);
    if (found === undefined) {
      io.out(`The event log ${path} is sound (quick_check: ok); nothing to repair.\n`);
      return exitCodes.ok;
    }
    io.out(`The event log ${path} is damaged (${found}); rebuilding it from its readable rows.\n`);
    let report: ReturnType<typeof recoverEventLog>;
    try {
      report = recoverEventLog(path, new Date());
    } catch (error) {
      throw new CliError(
        `nothing could be recovered (${(error as Error).message}); restore the data folder from a backup, or move it aside to start afresh.`,
        exitCodes.failed,
        { cause: error },
      );
    }
    for (const table of report.tables) {
      const notes = [
        table.damaged ? 'some rows were unreadable' : '',
        table.orphans > 0 ? `${table.orphans} dropped with what they referred to` : '',
      ].filter((note) => note !== '');
      io.out(`  ${table.table}: ${table.rows} rows${notes.length > 0 ? ` (${notes.join('; ')})` : ''}\n`);
    }
    io.out(
      `Kept the damaged file as ${report.damagedPath}. Start the stack, then run \`trackbridge verify\` to compare the table with the log.\n`,
    );
    return exitCodes.ok;
  } finally {
    lock.release();
  }
}
