// Moves src/core (and src/cli's report output) into folders by pipeline stage (issue 23), with
// `git mv`, and rewrites every relative import in src, test, bench and scripts to match, and the
// paths named in package.json, README.md and docs/. Safe to run again (after a merge brings files
// or imports written for the old places): moved files are skipped, and an import that already
// resolves from the file's new place is kept.
//
//   npx tsx scripts/reorganize-core.ts          (from the repository's root)
import { execFileSync } from 'child_process';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'fs';
import * as path from 'path';

/** Old path → new path, from the repository's root. */
const MOVES: Record<string, string> = {
  // grid/: the workbook as cells, and how a cell's text reads as a number, a year, a label.
  'src/core/grid.ts': 'src/core/grid/grid.ts',
  'src/core/sheet-view.ts': 'src/core/grid/sheet-view.ts',
  'src/core/sparse-blocks.ts': 'src/core/grid/sparse-blocks.ts',
  'src/core/numbers.ts': 'src/core/grid/numbers.ts',
  'src/core/number-format.ts': 'src/core/grid/number-format.ts',
  'src/core/labels.ts': 'src/core/grid/labels.ts',
  'src/core/formula-refs.ts': 'src/core/grid/formula-refs.ts',
  // layout/: blocks of cells, each as header rows, label columns and data.
  'src/core/layout.ts': 'src/core/layout/blocks.ts',
  'src/core/table-areas.ts': 'src/core/layout/table-areas.ts',
  'src/core/template-layout.ts': 'src/core/layout/template-layout.ts',
  'src/core/table-year.ts': 'src/core/layout/table-year.ts',
  // recognize/: which kind a block is, the key of every cell; cache/: a layout recognized once.
  'src/core/recognize.ts': 'src/core/recognize/recognize.ts',
  'src/core/recognize-paths.ts': 'src/core/recognize/paths.ts',
  'src/core/recognize-members.ts': 'src/core/recognize/members.ts',
  'src/core/recognize-cells.ts': 'src/core/recognize/cells.ts',
  'src/core/recognize-kinds.ts': 'src/core/recognize/candidates.ts',
  'src/core/match.ts': 'src/core/recognize/match.ts',
  'src/core/words.ts': 'src/core/recognize/words.ts',
  'src/core/block-cache.ts': 'src/core/recognize/cache/block-cache.ts',
  'src/core/block-facts.ts': 'src/core/recognize/cache/block-facts.ts',
  'src/core/block-signature.ts': 'src/core/recognize/cache/block-signature.ts',
  'src/core/signature-slots.ts': 'src/core/recognize/cache/signature-slots.ts',
  // tables/: the table model and the kinds' definitions (kinds/ beside it holds them).
  'src/core/table.ts': 'src/core/tables/table.ts',
  'src/core/definition.ts': 'src/core/tables/definition.ts',
  'src/core/table-totals.ts': 'src/core/tables/table-totals.ts',
  'src/core/select.ts': 'src/core/tables/select.ts',
  // relations/: what a table's cells must satisfy, its values, and which tables meet.
  'src/core/relations.ts': 'src/core/relations/relations.ts',
  'src/core/relation-lines.ts': 'src/core/relations/relation-lines.ts',
  'src/core/relation-shapes.ts': 'src/core/relations/relation-shapes.ts',
  'src/core/nearest-tables.ts': 'src/core/relations/nearest-tables.ts',
  // fill/: the fill plan.
  'src/core/fill.ts': 'src/core/fill/fill.ts',
  // report/: issues, summaries, the report's schema and the messages.
  'src/core/issue.ts': 'src/core/report/issue.ts',
  'src/core/report-schema.ts': 'src/core/report/report-schema.ts',
  'src/core/summary.ts': 'src/core/report/summary.ts',
  'src/core/messages/en.ts': 'src/core/report/messages/en.ts',
  'src/core/messages/ru.ts': 'src/core/report/messages/ru.ts',
  'src/core/messages/format.ts': 'src/core/report/messages/format.ts',
  'src/core/messages/render.ts': 'src/core/report/messages/render.ts',
  // src/cli/report/: the text and JSON output.
  'src/cli/text-report.ts': 'src/cli/report/text-report.ts',
  'src/cli/json-text.ts': 'src/cli/report/json-text.ts',
  'src/cli/collapse.ts': 'src/cli/report/collapse.ts',
  'src/cli/kind-names.ts': 'src/cli/report/kind-names.ts',
};

/** One line per new folder: what it takes and what it gives (written as its README.md). */
const READMES: Record<string, string> = {
  'src/core/grid': 'Stage 1. Takes the workbook as cells (`grid.ts`); gives a `SheetView` of each sheet and how a cell reads: as a number (`numbers.ts`, `number-format.ts`), a label key (`labels.ts`), the cells a formula reads (`formula-refs.ts`).',
  'src/core/layout': 'Stage 2. Takes a `SheetView`; gives its blocks of cells (`blocks.ts`: `findBlocks`, `layoutBlock` into header rows, label columns, data), the table areas in a block (`table-areas.ts`), the layout of an empty template (`template-layout.ts`) and the year a block states (`table-year.ts`).',
  'src/core/recognize': 'Stage 3. Takes the blocks and the kinds (`../kinds`); gives the tables of known kinds with the key of every data cell (`recognize.ts`: label paths in `paths.ts`, members in `members.ts`, cells in `cells.ts`, the kinds a block is tried as in `candidates.ts`, label matching in `match.ts`). A new label variant goes into its kind\'s definition; a new way of matching into `match.ts`.',
  'src/core/recognize/cache': 'Takes a block and the layouts the engine has seen; gives a repeated layout\'s tables moved to the block without recognizing it again (`block-cache.ts`; its signature in `block-signature.ts`, the figures it must agree on in `block-facts.ts`).',
  'src/core/tables': 'The table model (`table.ts`: a recognized table, its cells by key) and the language the kinds are written in (`definition.ts`); selecting cells by key and year (`select.ts`), which members are totals (`table-totals.ts`). The kinds themselves are in `../kinds/`, one file each.',
  'src/core/relations': 'Stage 4. Takes the tables; gives the relations their cells must satisfy (sums, balances, ratios, links between tables: `relations.ts`) and the values computed from them (`Values`); `nearest-tables.ts` chooses which tables meet.',
  'src/core/fill': 'Takes an analysis; gives the fill plan: the computed cells to write, with formulas or values.',
  'src/core/report': 'Stage 6. The issues the rules give (`issue.ts`), per-table summaries (`summary.ts`), the report\'s schema (`report-schema.ts`) and the messages in Russian and English (`messages/`).',
  'src/core/kinds': 'The table kinds, one definition each (`definition.ts` in `../tables/` is their language), listed in `index.ts`. A new kind: one module here, listed in `index.ts`, with its tests.',
  'src/core/generic': 'Stage 3b, the table layer: takes a block no known kind recognizes; gives a table of kind `table` read from its own labels and numbers (`read.ts`, `infer.ts`), with its relations (`model.ts`), so the same rules and the fill apply.',
  'src/core/rules': 'Stage 5. Takes the tables and their values; gives issues. One rule per export (ESLint style: `meta` and `table` / `workbook` checks), reporting through the context of `rule.ts`, which fills in the rule, severity and table; listed in `index.ts`. A new rule goes here.',
  'src/core/compare': 'Takes last year\'s and this year\'s analyses; gives the figures both report that disagree (`compare.ts`) and the stocks that do not carry over (`carry-over.ts`).',
  'src/core/merge': 'Takes the analyses of a region\'s workbooks; gives the summary: their tables\' counts added into the template\'s cells (`plan.ts`), written as sheets (`apply.ts`, `sheets.ts`).',
  'src/cli/report': 'Takes a check\'s file reports; gives the text report (`text-report.ts`, what it prints in full: `collapse.ts`) and the JSON (`json-text.ts`).',
};

const SOURCE_DIRS = ['src', 'test', 'bench', 'scripts'];
const TEXT_FILES = ['package.json', 'README.md', 'eslint.config.mjs'];

function git(...args: string[]): void {
  execFileSync('git', args, { stdio: 'inherit' });
}

function walk(dir: string, out: string[], ext: RegExp): void {
  if (!existsSync(dir)) return;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory() && e.name !== 'node_modules') walk(p, out, ext);
    else if (ext.test(e.name)) out.push(p);
  }
}

/** The file a specifier resolves to from `dir` (extension or index added), if there is one. */
function resolveFrom(dir: string, spec: string, exists: (p: string) => boolean): string | undefined {
  const base = path.normalize(path.join(dir, spec));
  for (const p of [base, `${base}.ts`, `${base}.tsx`, path.join(base, 'index.ts')]) if (exists(p)) return p;
  return undefined;
}

function relativeSpec(fromDir: string, target: string, spec: string): string {
  let to = target.replace(/\.tsx?$/, '');
  // A folder's index stays named by the folder, as it was.
  if (!/\/index$/.test(spec) && to.endsWith('/index')) to = to.slice(0, -'/index'.length);
  let rel = path.relative(fromDir, to);
  if (!rel.startsWith('.')) rel = `./${rel}`;
  return rel;
}

function main(): void {
  for (const [from, to] of Object.entries(MOVES)) {
    if (!existsSync(from)) continue;
    if (existsSync(to)) throw new Error(`${to} exists and so does ${from}: resolve by hand`);
    execFileSync('mkdir', ['-p', path.dirname(to)]);
    git('mv', from, to);
  }
  const oldOf = new Map(Object.entries(MOVES).map(([o, n]) => [n, o]));
  const files: string[] = [];
  for (const d of SOURCE_DIRS) walk(d, files, /\.(ts|tsx|js|mjs)$/);
  const isFile = (p: string) => existsSync(p) && statSync(p).isFile();
  // Before the moves a path was a file when it is one now under its old name, or moved away.
  const existedBefore = (p: string) => isFile(p) || p in MOVES;
  let rewritten = 0;
  for (const file of files) {
    const src = readFileSync(file, 'utf8');
    const dir = path.dirname(file);
    const oldDir = path.dirname(oldOf.get(file) ?? file);
    const out = src.replace(/((?:from|import|require|jest\.mock)\s*\(?\s*)'(\.{1,2}\/[^']*)'/g, (all, lead: string, spec: string) => {
      // Already right from the file's place (a file not moved, or an import already rewritten).
      const now = resolveFrom(dir, spec, isFile);
      if (now && !(now in MOVES)) return all;
      const before = resolveFrom(oldDir, spec, existedBefore);
      if (!before) return all;
      const target = MOVES[before] ?? before;
      return `${lead}'${relativeSpec(dir, target, spec)}'`;
    });
    if (out !== src) {
      writeFileSync(file, out);
      rewritten++;
    }
  }
  // Paths named in documentation and configuration.
  const texts = [...TEXT_FILES];
  walk('docs', texts, /\.md$/);
  for (const file of texts) {
    if (!existsSync(file)) continue;
    const src = readFileSync(file, 'utf8');
    let out = src;
    for (const [from, to] of Object.entries(MOVES)) out = out.split(from).join(to);
    if (out !== src) writeFileSync(file, out);
  }
  for (const [dir, line] of Object.entries(READMES)) {
    if (!existsSync(dir)) continue;
    const readme = path.join(dir, 'README.md');
    writeFileSync(readme, `# ${path.relative('src', dir)}/\n\n${line}\n`);
    git('add', readme);
  }
  const left = readdirSync('src/core').filter((f) => f.endsWith('.ts'));
  process.stdout.write(`${rewritten} files' imports rewritten; left in src/core: ${left.join(', ')}\n`);
}

main();
