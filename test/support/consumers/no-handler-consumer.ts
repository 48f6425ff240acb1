/** A module that a consumer spec names but that exports no `handler`. */
export const notAHandler = true;
