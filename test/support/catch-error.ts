/** Runs an action expected to throw and returns what it threw (undefined if it did not). */
export function catchError(action: () => unknown): unknown {
  try {
    action();
  } catch (error) {
    return error;
  }
  return undefined;
}
