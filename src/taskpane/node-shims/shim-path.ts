// Node's path in the browser: only posix.normalize, which the .xlsx reader (src/cli/xlsx/workbook.ts)
// applies to a part's target inside the package (`xl/worksheets/../sharedStrings.xml`).

/** `a/./b/../c` → `a/c`, as Node's path.posix.normalize. */
function normalize(p: string): string {
  const absolute = p.startsWith('/');
  const out: string[] = [];
  for (const seg of p.split('/')) {
    if (seg === '' || seg === '.') continue;
    if (seg !== '..') out.push(seg);
    else if (out.length && out[out.length - 1] !== '..') out.pop();
    else if (!absolute) out.push('..');
  }
  let r = (absolute ? '/' : '') + out.join('/');
  if (p.endsWith('/') && out.length) r += '/';
  return r || (absolute ? '/' : '.');
}

export const posix = { normalize };
