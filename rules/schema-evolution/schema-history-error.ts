/** The schemas' previous versions cannot be read: no git, not a repository, or an unknown ref. */
export class SchemaHistoryError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'SchemaHistoryError';
  }
}
