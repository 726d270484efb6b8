// The string table (sharedStrings.xml) and the rich-text runs shared with inline strings, as exceljs
// reads them.
import { children, openRoot, type Scanner } from './xml-scan';
import { unsupported } from './unsupported';

/** exceljs's `_xHHHH_` escapes in shared-string and rich-text runs (upper-case hex only). */
function unescapeX(s: string): string {
  return s.indexOf('_x') < 0 ? s : s.replace(/_x([0-9A-F]{4})_/g, (_m, h: string) => String.fromCharCode(parseInt(h, 16)));
}

/** Shared strings: the text of each `<si>`; `null` for an `<si>` with neither text nor runs (exceljs makes `[object Object]` of it). */
export interface SharedStrings {
  text: Array<string | null>;
  rich: Uint8Array;
}

/** The text of a rich-text run <r> (its <rPr> skipped), in a shared or an inline string. */
export function runText(sc: Scanner): string | undefined {
  let run: string | undefined;
  children(sc, (g) => {
    if (g === 't') run = unescapeX(sc.text());
    else if (g === 'rPr') sc.skip();
    else unsupported(`<${g}> in a run`);
  });
  return run;
}

export function readSharedStrings(xml: string): SharedStrings {
  const text: Array<string | null> = [];
  const richIdx: number[] = [];
  const sc = openRoot(xml, 'sst');
  children(sc, (name) => {
    // exceljs: any element other than <si> in the string table is an error.
    if (name !== 'si') unsupported(`<${name}> in sharedStrings`);
    let plain: string | undefined;
    let runs: Array<string | undefined> | undefined;
    children(sc, (child) => {
      if (child === 't') {
        // A later <t> replaces what came before it.
        plain = unescapeX(sc.text());
        runs = undefined;
      } else if (child === 'r') {
        // exceljs fails on a run after a plain <t> (it sets a property on a string).
        if (plain !== undefined) unsupported('a run after <t> in <si>');
        (runs ??= []).push(runText(sc));
      } else if (child === 'rPh' || (child === 'phoneticPr' && sc.self)) {
        // Phonetic runs are not part of the text.
        sc.skip();
      } else unsupported(`<${child}> in <si>`);
    });
    if (plain !== undefined) text.push(plain);
    else if (runs) {
      richIdx.push(text.length);
      text.push(runs.join(''));
    } else text.push(null);
  });
  const rich = new Uint8Array(text.length);
  for (const i of richIdx) rich[i] = 1;
  return { text, rich };
}

