/**
 * Keeps the server process alive through an exception no handler caught (a timer, a stream event)
 * and a rejected promise no one awaited: Node's default ends the process, and with it every
 * diagnostic of the editor. They are logged instead, with their stack, for the bug report.
 * Installed once per process; `log` is where the lines go (the client's output channel).
 */
export function logUncaughtErrors(log: (message: string) => void): void {
  if (installed) return;
  installed = true;
  const report = (kind: string, error: unknown) => {
    const text = `${kind} in the kube-netsec language server (it keeps running): ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`;
    try {
      log(text);
    } catch {
      // The connection itself may be what failed: stderr still reaches the client's log.
      process.stderr.write(`${text}\n`);
    }
  };
  process.on('uncaughtException', (error) => report('Uncaught exception', error));
  process.on('unhandledRejection', (reason) => report('Unhandled promise rejection', reason));
}

let installed = false;
