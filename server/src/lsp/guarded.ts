/**
 * Wraps a request handler so that a failure answers `fallback` and is logged: a bug in one answer
 * must not take the server (and every diagnostic) down with it.
 */
export function guarded<A extends unknown[], R>(name: string, handler: (...args: A) => R | Promise<R>, fallback: R, logError: (message: string) => void): (...args: A) => Promise<R> {
  return async (...args: A) => {
    try {
      return await handler(...args);
    } catch (error) {
      logError(`${name} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
      return fallback;
    }
  };
}
