// The `report-check` command line: check and fill. A thin shell over the engine.
import { Command, Option } from 'commander';
import * as path from 'path';
import { promises as fs } from 'fs';
import { planFill, type FileReport, type Lang, type Report } from '../core';
import { analyze } from '../core/check';
import { CLI_TEXT, lostText } from './cli-messages';
import { expandInputs } from './files';
import { failureText } from './process-file';
import { Progress } from './progress';
import { parseXlsxBook, readFileBuffer } from './read-xlsx';
import { parseXlsxFast } from './xlsx';
import { ReadError } from './read-errors';
import { objectsLost } from './objects-lost';
import { writeStdout } from './stdout';
import { writeTextReport } from './report/text-report';
import { applyPlan, writeBookAtomically } from './write-xlsx';
import { writeJson } from './report/json-text';
import { checkFilesParallel } from './parallel';
import { runCompare, type CompareOpts } from './compare-command';
import { COMPARE_TEXT } from './compare-messages';
import { runMerge, type MergeOpts } from './merge-command';
import { MERGE_TEXT } from './merge-messages';
import { HELP_TEXT, type HelpCatalogue } from './help-messages';
import { langOfArgv, localizeHelp } from './help-language';

interface CheckOpts {
  format: 'text' | 'json';
  lang: Lang;
  threshold?: number;
  jobs?: number;
}

export async function runCheck(inputs: string[], o: CheckOpts, out: (s: string) => void = writeStdout, err: (s: string) => void = (s) => process.stderr.write(s)): Promise<number> {
  const { files, skipped } = await expandInputs(inputs);
  const progress = new Progress(files.length, process.stderr, CLI_TEXT[o.lang].checking);
  if (files.length) progress.begin(files[0]);
  const reports: FileReport[] = await checkFilesParallel(files, { lang: o.lang, threshold: o.threshold, messages: o.format === 'text' ? 'printed' : 'all' }, o.jobs, (done, file) => progress.tick(done, file));
  progress.end();
  const report: Report = { version: 1, files: reports };
  // `Report` is the schema's own type, so the compiler holds the shape to it; the tests validate
  // the output against the schema. Parsing here too copied a 200 000-issue report for nothing.
  if (o.format === 'json') {
    writeJson(report, out);
    out('\n');
  } else {
    reports.forEach((f, i) => {
      if (i) out('\n\n');
      writeTextReport(f, o.lang, out);
    });
    if (reports.length > 1) {
      const failed = reports.filter((f) => f.error).length;
      const withErrors = reports.filter((f) => f.issues.some((i) => i.severity === 'error')).length;
      out('\n\n' + CLI_TEXT[o.lang].filesSummary(reports.length, failed, withErrors));
    }
    out('\n');
  }
  // After the report, where it is read last (stderr: the JSON on stdout stays one document).
  if (skipped.length) err(CLI_TEXT[o.lang].skipped(skipped) + '\n');
  if (reports.some((f) => f.error)) return 2;
  return reports.some((f) => f.issues.some((i) => i.severity === 'error')) ? 1 : 0;
}

interface FillOpts {
  out: string;
  mode: 'formulas' | 'values';
  overwrite?: boolean;
  /** Write the copy even without what exceljs cannot carry over (charts, shapes, macros…). */
  withoutObjects?: boolean;
  lang: Lang;
  threshold?: number;
}

/** The two paths name one file: the same path, a symlink to it, or a hard link (same device and inode). */
async function samePath(a: string, b: string): Promise<boolean> {
  const ra = await fs.realpath(a).catch(() => path.resolve(a));
  const rb = await fs.realpath(b).catch(() => path.resolve(b));
  if (ra === rb) return true;
  const [sa, sb] = await Promise.all([fs.stat(a).catch(() => undefined), fs.stat(b).catch(() => undefined)]);
  return !!sa && !!sb && sa.dev === sb.dev && sa.ino === sb.ino;
}

/** Whether the fast reader reads the workbook (see runFill). */
function readsFast(buf: Buffer): boolean {
  try {
    parseXlsxFast(buf);
    return true;
  } catch {
    return false;
  }
}

function writeFailureText(e: unknown, lang: Lang): string {
  const w = CLI_TEXT[lang].writeFailure;
  const code = (e as NodeJS.ErrnoException)?.code;
  if (code === 'ENOENT' || code === 'ENOTDIR') return w['no-dir'];
  if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS') return w.denied;
  if (code === 'EISDIR') return w['is-directory'];
  if (code === 'ENOSPC' || code === 'EDQUOT') return w['no-space'];
  return w.other + (code ? ` (${code})` : '');
}

export async function runFill(input: string, o: FillOpts, out: (s: string) => void = writeStdout, err: (s: string) => void = (s) => process.stderr.write(s)): Promise<number> {
  const t = CLI_TEXT[o.lang];
  if (await samePath(input, o.out)) {
    err(`${t.sameOut}\n`);
    return 2;
  }
  // The copy is a plain workbook: Excel refuses one named .xlsm (macro-enabled) or without an extension.
  if (!/\.xlsx$/i.test(o.out)) {
    err(`${t.outNotXlsx}\n`);
    return 2;
  }
  let parsed;
  let buf: Buffer | undefined;
  try {
    buf = await readFileBuffer(input);
    parsed = await parseXlsxBook(buf);
  } catch (e) {
    // A workbook exceljs cannot read but `check` can (src/cli/xlsx reads prefixed parts): fill writes with exceljs.
    const checkable = buf !== undefined && e instanceof ReadError && e.code === 'corrupt' && readsFast(buf);
    err(checkable ? `${input}: ${t.cannotRewrite}\n` : `${t.cannotRead} ${input}: ${failureText(e, o.lang)}\n`);
    return 2;
  }
  // exceljs writes the copy: what it cannot carry over is named, and the copy is written only when asked.
  const lost = lostText(o.lang, await objectsLost(buf));
  if (lost && !o.withoutObjects) {
    err(`${input}: ${t.objectsLost(lost)}\n`);
    return 2;
  }
  let plan;
  try {
    const analysis = analyze(parsed.workbook);
    plan = planFill(parsed.workbook, { mode: o.mode, overwrite: o.overwrite, threshold: o.threshold }, analysis);
    applyPlan(parsed.book, plan);
  } catch {
    err(`${input}: ${t.failure.internal}\n`);
    return 2;
  }
  try {
    await writeBookAtomically(parsed.book, o.out);
  } catch (e) {
    err(`${t.cannotWrite} ${o.out}: ${writeFailureText(e, o.lang)}\n`);
    return 2;
  }
  const lines = plan.writes.map((w) => `  ${w.sheet}!${w.address}: ${w.before.value === null ? '∅' : String(w.before.value)} → ${w.formula ? `${w.formula} (${w.value})` : w.value}`);
  out((plan.writes.length ? t.wrote(plan.writes.length, o.out) : t.nothingToFill) + '\n' + (lost ? t.writtenWithout(lost) + '\n' : '') + (lines.length ? lines.join('\n') + '\n' : ''));
  return 0;
}

function langOption(t: HelpCatalogue): Option {
  return new Option(`--lang ${t.values.lang}`, t.lang).choices(['ru', 'en']).default('ru');
}

function thresholdOption(t: HelpCatalogue): Option {
  return new Option(`--threshold ${t.values.score}`, t.threshold).argParser((v) => Number(v.replace(',', '.')));
}

function formatOption(t: HelpCatalogue): Option {
  return new Option(`--format ${t.values.format}`, t.format).choices(['text', 'json']).default('text');
}

function modeOption(t: HelpCatalogue): Option {
  return new Option(`--mode ${t.values.mode}`, t.mode).choices(['formulas', 'values']).default('formulas');
}

/** The commands, their help in `lang` (the language of `--lang` on the command line). */
export function buildProgram(setExit: (code: number) => void, lang: Lang = 'ru'): Command {
  const t = HELP_TEXT[lang];
  const program = new Command('report-check').description(t.program).showHelpAfterError();
  localizeHelp(program, lang);
  program
    .command('check')
    .description(t.check)
    .argument(t.args.fileOrFolder)
    .addOption(formatOption(t))
    .addOption(langOption(t))
    .addOption(thresholdOption(t))
    .addOption(new Option(`--jobs ${t.values.n}`, t.jobs).argParser(Number))
    .action(async (inputs: string[], o: CheckOpts) => setExit(await runCheck(inputs, o)));
  program
    .command('fill')
    .description(t.fill)
    .argument(t.args.inXlsx)
    .requiredOption(`--out ${t.values.out}`, t.out)
    .addOption(modeOption(t))
    .option('--overwrite', t.overwrite, false)
    .option('--without-objects', t.withoutObjects, false)
    .addOption(langOption(t))
    .addOption(thresholdOption(t))
    .action(async (input: string, o: FillOpts) => setExit(await runFill(input, o)));
  program
    .command('compare')
    .description(COMPARE_TEXT[lang].description)
    .argument(t.args.lastYear)
    .argument(t.args.thisYear)
    .addOption(formatOption(t))
    .addOption(langOption(t))
    .addOption(thresholdOption(t))
    .action(async (last: string, current: string, o: CompareOpts) => setExit(await runCompare(last, current, o)));
  program
    .command('merge')
    .description(MERGE_TEXT[lang].description)
    .argument(t.args.fileOrFolder)
    .requiredOption(`--out ${t.values.summary}`, t.mergeOut)
    .option(`--template ${t.values.file}`, t.template)
    .addOption(modeOption(t))
    .addOption(formatOption(t))
    .addOption(langOption(t))
    .addOption(thresholdOption(t))
    .addOption(new Option(`--jobs ${t.values.n}`, t.mergeJobs).argParser(Number))
    .action(async (inputs: string[], o: MergeOpts) => setExit(await runMerge(inputs, o)));
  return program;
}

export async function main(argv: string[]): Promise<number> {
  let code = 0;
  const program = buildProgram((c) => (code = c), langOfArgv(argv.slice(2)));
  program.exitOverride();
  try {
    await program.parseAsync(argv);
  } catch (e) {
    const ce = e as { code?: string; exitCode?: number };
    if (ce.code === 'commander.helpDisplayed' || ce.code === 'commander.version' || ce.code === 'commander.help') return 0;
    if (ce.exitCode !== undefined) return 2;
    process.stderr.write(`report-check: ${(e as Error).message}\n`);
    return 2;
  }
  return code;
}

if (require.main === module) {
  main(process.argv).then(
    (code) => (process.exitCode = code),
    (e) => {
      process.stderr.write(`report-check: ${(e as Error).message}\n`);
      process.exitCode = 2;
    },
  );
}
