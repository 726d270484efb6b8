// The progress on stderr: a status line for one workbook, a bar for many, nothing off a terminal.
import { Progress } from '../../src/cli/progress';

function stream(isTTY: boolean) {
  const written: string[] = [];
  return { written, s: { isTTY, write: (x: string) => (written.push(x), true) } as unknown as NodeJS.WriteStream };
}

test('one workbook on a terminal: a status line, cleared at the end', () => {
  const { written, s } = stream(true);
  const p = new Progress(1, s, 'Проверяется');
  p.begin('отчёт.xlsx');
  p.tick(1, 'отчёт.xlsx');
  p.end();
  expect(written).toEqual(['\rПроверяется: отчёт.xlsx…\x1b[K', '\r\x1b[K']);
});

test('many workbooks on a terminal: a bar per file, no status line', () => {
  const { written, s } = stream(true);
  const p = new Progress(2, s);
  p.begin('a.xlsx');
  p.tick(1, 'a.xlsx');
  p.tick(2, 'b.xlsx');
  p.end();
  expect(written).toEqual([`\r[${'#'.repeat(12)}${'.'.repeat(12)}] 1/2 a.xlsx\x1b[K`, `\r[${'#'.repeat(24)}] 2/2 b.xlsx\x1b[K`, '\r\x1b[K']);
});

test('a long name is shortened from the left', () => {
  const { written, s } = stream(true);
  new Progress(1, s, 'Checking').begin('/very/long/path/to/the/regional/reports/of/2024/district.xlsx');
  expect(written[0]).toBe('\rChecking: …/regional/reports/of/2024/district.xlsx…\x1b[K');
});

test('off a terminal (a pipe, a file): nothing', () => {
  const { written, s } = stream(false);
  const p = new Progress(1, s);
  p.begin('a.xlsx');
  p.tick(1, 'a.xlsx');
  p.end();
  expect(written).toEqual([]);
});
