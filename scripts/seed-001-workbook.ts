// Builds test/fixtures/seed-001-full/seed-001.xlsx: every table of seed 001 (the Asino 2023
// annual report) as a Russian-locale Excel holds it after a paste from Word, one sheet per
// chapter, each table under its title line. Run: npx tsx scripts/seed-001-workbook.ts [--dump]
import { readFileSync, writeFileSync } from 'fs';
import * as path from 'path';
import { writeXlsx, a1, type Item, type SheetSpec } from '../test/fixtures/xlsx-builder';
import { parseSeed, cleanText, type ParseOverrides, type SeedTable } from '../test/fixtures/seed-001-full/parse';
import { layTable, type LaidTable, type TableOverride } from '../test/fixtures/seed-001-full/layout';
import { buildCatalogue, type Outcome } from '../test/fixtures/seed-001-full/catalogue';
import { RELATIONS } from '../test/fixtures/seed-001-full/relations';

const ROOT = path.resolve(__dirname, '..');
const SEED = '/work/shared/seeds/001_e2716e3bc0f118d1.txt';
const DIR = path.join(ROOT, 'test/fixtures/seed-001-full');

/** Sheet name of a chapter (Excel allows 31 characters). */
const SHEETS: Record<number, string> = {
  3: '3 Сеть',
  4: '4 Показатели',
  5: '5 Фонды',
  6: '6 Компьютеризация',
  7: '7 Электронные ресурсы',
  8: '8 Обслуживание',
  9: '9 Краеведение',
  10: '10 Методическая работа',
  11: '11 Кадры',
  12: '12 МТБ',
};

export interface PlacedTable {
  n: number;
  sheet: string;
  title: string;
  /** A1 address of the title line, when there is one. */
  titleCell: string | null;
  /** 0-based row and column of the block's top-left cell on the sheet. */
  top: number;
  left: number;
  range: string;
  width: number;
  height: number;
  headerRows: number;
  seedLines: [number, number];
}

export interface SeedWorkbook {
  sheets: SheetSpec[];
  tables: PlacedTable[];
  laid: Map<number, LaidTable>;
}

interface Overrides {
  parse: ParseOverrides;
  tables: Record<string, TableOverride>;
}

function titleOf(t: SeedTable, ov: TableOverride): string {
  if (ov.title) return ov.title;
  if (ov.titleFromFirstRow) return cleanText(t.rows[0].cells[0].text).trim();
  const last = t.prose[t.prose.length - 1];
  if (!last) return '';
  // A long paragraph right above a table is no caption: prefer the numbered heading of the passage.
  if (last.text.trim().length > 150) {
    const heading = [...t.prose].reverse().find((p) => NUMBERED.test(p.text) && p.text.trim().length <= 300);
    if (heading) return heading.text.trim();
  }
  return last.text.trim();
}

const NUMBERED = /^\s*\d{1,2}(?:\.\d{1,2})+\.?\s/;

/** Parses the seed and places every table on its chapter's sheet. */
export function buildSeedWorkbook(seedText = readFileSync(SEED, 'utf8')): SeedWorkbook {
  const ov = JSON.parse(readFileSync(path.join(DIR, 'overrides.json'), 'utf8')) as Overrides;
  const all = parseSeed(seedText, ov.parse);
  const bySheet = new Map<string, Item[]>();
  const cursor = new Map<string, number>();
  const tables: PlacedTable[] = [];
  const laid = new Map<number, LaidTable>();
  let n = 0;
  for (const t of all) {
    const o = ov.tables[String(t.startLine)] ?? {};
    const sheet = SHEETS[t.chapter.n] ?? `${t.chapter.n} Раздел`;
    if (!bySheet.has(sheet)) {
      bySheet.set(sheet, [{ at: [0, 0], text: t.chapter.title }]);
      cursor.set(sheet, 2);
    }
    const items = bySheet.get(sheet)!;
    let r = cursor.get(sheet)!;
    if (o.notTable) {
      for (const row of t.rows) for (const c of row.cells) items.push({ at: [r++, 0], text: cleanText(c.text).trim() });
      cursor.set(sheet, r + 1);
      continue;
    }
    n++;
    const title = titleOf(t, o);
    let titleCell: string | null = null;
    if (title) {
      items.push({ at: [r, 0], text: title });
      titleCell = a1(r, 0);
      r++;
    }
    const lt = layTable(t, o);
    laid.set(n, lt);
    items.push({ at: [r, 0], block: lt.block });
    const height = lt.block.rows.length;
    tables.push({
      n,
      sheet,
      title,
      titleCell,
      top: r,
      left: 0,
      range: `${a1(r, 0)}:${a1(r + height - 1, lt.width - 1)}`,
      width: lt.width,
      height,
      headerRows: lt.headerRows,
      seedLines: [t.startLine, t.endLine],
    });
    cursor.set(sheet, r + height + 2);
  }
  const sheets = [...bySheet.entries()].map(([name, items]) => ({ name, items }));
  return { sheets, tables, laid };
}

function dump(wb: SeedWorkbook): void {
  for (const t of wb.tables) {
    const lt = wb.laid.get(t.n)!;
    console.log(`\n#${t.n} ${t.sheet}!${t.range} hdr=${t.headerRows} L${t.seedLines.join('-')} ${t.titleCell ?? '-'}: ${t.title.slice(0, 90)}`);
    if (lt.unresolved.length) console.log(`  !! spans inferred by default in rows ${lt.unresolved.join(', ')}`);
    const ms = (lt.block.merges ?? []).map(([a, b, c, d]) => `${a1(a + t.top, b)}:${a1(c + t.top, d)}`);
    if (ms.length) console.log(`  merges: ${ms.join(' ')}`);
    lt.block.rows.forEach((row, i) => {
      const cells = row.map((v, j) => {
        if (v === null) return '';
        const s = typeof v === 'object' ? `${v.v}{${v.numFmt}}` : typeof v === 'string' ? `"${v.replace(/\n/g, '⏎').slice(0, 22)}"` : String(v);
        return `${a1(i + t.top, j)}=${s}`;
      });
      console.log('  ' + cells.filter((c) => c).join(' '));
    });
  }
}

/** The catalogue of the workbook's mistakes and consistent relations (mistakes.json). */
export function seedCatalogue(wb: SeedWorkbook): ReturnType<typeof buildCatalogue> {
  return buildCatalogue({ placed: new Map(wb.tables.map((t) => [t.n, t])), laid: wb.laid }, RELATIONS);
}

function show(o: Outcome): string {
  const mark = o.status === 'holds' ? 'ok ' : o.status === 'broken' ? 'XX ' : '?? ';
  return `${mark}t${o.table} ${o.spec.rel} ${o.cells[0]} actual=${o.actual} expected=${o.expected} ${o.spec.certainty ?? ''} ${o.note.slice(0, 70)}`;
}

async function main(): Promise<void> {
  const wb = buildSeedWorkbook();
  if (process.argv.includes('--dump')) return dump(wb);
  const cat = seedCatalogue(wb);
  if (process.argv.includes('--check')) {
    const verbose = process.argv.includes('--all');
    for (const o of cat.outcomes) if (verbose || o.status !== 'holds') console.log(show(o));
    return;
  }
  const out = path.join(DIR, 'seed-001.xlsx');
  await writeXlsx(out, wb.sheets);
  const index = wb.tables.map(({ n, sheet, title, titleCell, range, headerRows, seedLines }) => ({ n, sheet, title, titleCell, range, headerRows, seedLines }));
  writeFileSync(path.join(DIR, 'tables.json'), JSON.stringify(index, null, 1) + '\n');
  writeMistakes(cat);
  const unresolved = wb.tables.filter((t) => wb.laid.get(t.n)!.unresolved.length).map((t) => t.n);
  console.log(`${wb.tables.length} tables on ${wb.sheets.length} sheets -> ${path.relative(ROOT, out)}`);
  if (unresolved.length) console.log(`spans inferred by default (check them): tables ${unresolved.join(', ')}`);
}

function writeMistakes(cat: ReturnType<typeof seedCatalogue>): void {
  const byRel: Record<string, number> = {};
  for (const m of cat.mistakes) if (m.certainty !== 'doubtful') byRel[m.relation] = (byRel[m.relation] ?? 0) + 1;
  const doc = {
    source: 'seed 001 (Asino 2023), test/fixtures/seed-001-full/seed-001.xlsx; built by scripts/seed-001-workbook.ts',
    rounding: 'a share or indicator matches when equal to its recomputation rounded half-up or truncated at the decimals the seed prints',
    counts: {
      mistakes: cat.mistakes.filter((m) => m.certainty !== 'doubtful').length,
      sure: cat.mistakes.filter((m) => m.certainty === 'sure').length,
      likely: cat.mistakes.filter((m) => m.certainty === 'likely').length,
      doubtful: cat.mistakes.filter((m) => m.certainty === 'doubtful').length,
      byRelation: byRel,
      consistentRelations: cat.tables.reduce((a, t) => a + t.consistent, 0),
      tables: cat.tables.length,
      tablesWithArithmetic: cat.tables.filter((t) => t.arithmetic).length,
    },
    mistakes: cat.mistakes,
    tables: cat.tables,
  };
  writeFileSync(path.join(DIR, 'mistakes.json'), JSON.stringify(doc, null, 1) + '\n');
  console.log(`mistakes.json: ${doc.counts.mistakes} mistakes (${doc.counts.sure} sure, ${doc.counts.likely} likely) + ${doc.counts.doubtful} doubtful; ${doc.counts.consistentRelations} consistent relations`);
}

if (require.main === module) {
  main().catch((e) => {
    console.error(e);
    process.exit(1);
  });
}
