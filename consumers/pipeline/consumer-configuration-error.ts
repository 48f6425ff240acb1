/** The function is deployed without what it needs (e.g. `TABLE_NAME`); retried, then dead-lettered. */
export class ConsumerConfigurationError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ConsumerConfigurationError';
  }
}
