// Output in pieces of about a megabyte: a report of 200 000 issues is never one 100 MB string.

/** Collects small strings and passes them on joined, a piece at a time. */
export class Chunks {
  private parts: string[] = [];
  private size = 0;
  constructor(private readonly emit: (s: string) => void) {}
  push(s: string): void {
    this.parts.push(s);
    this.size += s.length;
    if (this.size >= 1 << 20) this.flush();
  }
  flush(): void {
    if (!this.parts.length) return;
    this.emit(this.parts.join(''));
    this.parts = [];
    this.size = 0;
  }
}
