// Standard output that its reader may close early (`report-check check … | head`): the rest of the
// report is dropped quietly, and the exit code still says what the check found.
let closed = false;
let watching = false;

export function writeStdout(s: string): void {
  if (!watching) {
    watching = true;
    process.stdout.on('error', (e: NodeJS.ErrnoException) => {
      if (e.code !== 'EPIPE') throw e;
      closed = true;
    });
  }
  if (!closed) process.stdout.write(s);
}
