// A progress bar on stderr, only when stderr is a terminal.
export class Progress {
  private readonly on: boolean;
  constructor(
    private readonly total: number,
    stream: NodeJS.WriteStream = process.stderr,
  ) {
    this.on = !!stream.isTTY && total > 1;
    this.stream = stream;
  }
  private stream: NodeJS.WriteStream;

  tick(done: number, label: string): void {
    if (!this.on) return;
    const width = 24;
    const filled = Math.round((done / this.total) * width);
    const name = label.length > 40 ? '…' + label.slice(-39) : label;
    this.stream.write(`\r[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${this.total} ${name}\x1b[K`);
  }

  end(): void {
    if (this.on) this.stream.write('\r\x1b[K');
  }
}
