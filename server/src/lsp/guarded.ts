/**
 * Wraps a request handler so that a failure answers `fallback` and is logged: a bug in one answer
 * must not take the server (and every diagnostic) down with it.
 */
export function guarded<P, R>(name: string, handler: (params: P) => R | Promise<R>, fallback: R, logError: (message: string) => void): (params: P) => Promise<R> {
  return async (params: P) => {
    try {
      return await handler(params);
    } catch (error) {
      logError(`${name} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
      return fallback;
    }
  };
}
