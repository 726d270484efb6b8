// Which issues the text report prints in full. A table whose figures were all typed as text has a
// `number-as-text` note per cell: hundreds of lines that bury its errors. Past a handful, the text
// report prints the first few of such a rule and one line for the rest (the JSON report, the add-in
// and `fill` still have every one).

/** Per-cell notes on how a figure is written: the rules a table can have by the hundred (by index). */
const COLLAPSIBLE = ['number-as-text', 'dash-as-zero'];
/** A table's notes of one such rule are collapsed when there are more than this many... */
const COLLAPSE_OVER = 5;
/** ...and then this many are printed in full. */
export const SHOWN_IN_FULL = 3;

interface Issue {
  rule: string;
  table?: string;
}

/** Made once per list of issues: the report's entry (process-file.ts) and its text both ask. */
const computed = new WeakMap<readonly Issue[], Uint8Array>();

/**
 * For each issue: 1 when the text report prints it in full, 0 when it is left to the line after the
 * group's last printed one, 2 for that last printed one (the line for the rest follows it).
 * Issues of one rule in one table form a group; counted per table id without building keys (a
 * report can have 600 000 issues).
 */
export function printedInFull(issues: readonly Issue[]): Uint8Array {
  const known = computed.get(issues);
  if (known) return known;
  const out = new Uint8Array(issues.length).fill(1);
  const rules = new Int8Array(issues.length).fill(-1);
  const counts = new Map<string, number[]>();
  for (let i = 0; i < issues.length; i++) {
    const r = COLLAPSIBLE.indexOf(issues[i].rule);
    if (r < 0) continue;
    rules[i] = r;
    const t = issues[i].table ?? '';
    let c = counts.get(t);
    if (!c) counts.set(t, (c = COLLAPSIBLE.map(() => 0)));
    c[r]++;
  }
  const seen = new Map<string, number[]>();
  for (let i = 0; i < issues.length; i++) {
    const r = rules[i];
    if (r < 0) continue;
    const t = issues[i].table ?? '';
    if (counts.get(t)![r] <= COLLAPSE_OVER) continue;
    let s = seen.get(t);
    if (!s) seen.set(t, (s = COLLAPSIBLE.map(() => 0)));
    const n = ++s[r];
    out[i] = n < SHOWN_IN_FULL ? 1 : n === SHOWN_IN_FULL ? 2 : 0;
  }
  return out;
}

/** `full` stands for `issues` too: a list with the same rules and tables at each index. */
export function samePrinted(issues: readonly Issue[], full: Uint8Array): void {
  computed.set(issues, full);
}
