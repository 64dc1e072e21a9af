const guarded = new WeakSet<NodeJS.WritableStream>();

/**
 * Lets output to a closed pipe (`kube-netsec fix --dry-run | head`) stop quietly: without a
 * listener, the stream's EPIPE error ends the process with a stack trace. Later writes are
 * dropped and the command finishes with its own exit status.
 */
export function ignoreClosedPipe(stream: NodeJS.WritableStream): void {
  if (guarded.has(stream)) return;
  guarded.add(stream);
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE' || error.code === 'ERR_STREAM_DESTROYED') return;
    process.stderr.write(`kube-netsec: cannot write the output: ${error.message}\n`);
  });
}
