/**
 * Internal: why the compiler refused a pattern, worded as EventBridge words it. The public
 * entry turns it into `InvalidEventPatternException`; nothing outside the compiler sees it.
 */
export class PatternSyntaxError extends Error {
  constructor(readonly reason: string) {
    super(reason);
    this.name = 'PatternSyntaxError';
  }
}
