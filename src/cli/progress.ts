// Progress on stderr, only when stderr is a terminal: a bar over many files, a status line for one
// (a workbook of a million cells takes seconds, and a silent terminal looks stuck).
import { CLI_TEXT } from './cli-messages';

export class Progress {
  private readonly on: boolean;
  private shown = false;
  constructor(
    private readonly total: number,
    private readonly stream: NodeJS.WriteStream = process.stderr,
    private readonly checking = CLI_TEXT.ru.checking,
  ) {
    this.on = !!stream.isTTY && total > 0;
  }

  /** Before the files are checked: the status line when there is one file. */
  begin(label: string): void {
    if (!this.on || this.total !== 1) return;
    this.write(`${this.checking}: ${short(label)}…`);
  }

  tick(done: number, label: string): void {
    if (!this.on || this.total === 1) return;
    const width = 24;
    const filled = Math.round((done / this.total) * width);
    this.write(`[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${this.total} ${short(label)}`);
  }

  end(): void {
    if (this.shown) this.stream.write('\r\x1b[K');
    this.shown = false;
  }

  private write(line: string): void {
    this.stream.write(`\r${line}\x1b[K`);
    this.shown = true;
  }
}

function short(label: string): string {
  return label.length > 40 ? '…' + label.slice(-39) : label;
}
