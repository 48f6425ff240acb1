import { CatalogError } from './catalog-error.js';

/**
 * A generated file that is missing or was made from another version of its schema (or by another
 * generator version): running with it would validate events against a schema that no longer is.
 * `problems` says which file and schema; the message ends with the command that fixes it.
 */
export class StaleGeneratedFileError extends CatalogError {
  constructor(
    readonly problems: readonly string[],
    readonly commands: readonly string[],
  ) {
    super(`${problems.join('; ')}; run \`${commands.join('` and `')}\` and commit the result`);
    this.name = 'StaleGeneratedFileError';
  }
}
