/** A catalog that cannot be used; the message names every bad entry and what is wrong with it. */
export class CatalogError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'CatalogError';
  }
}
