// Prints how the generic table layer reads tables of a workbook: items with their roles, and the
// relations inferred. `npx tsx scripts/generic-dump.ts book.xlsx [Sheet!A1:F9 | sheet-substring]`
import { readWorkbookFile } from '../src/cli/read-xlsx';
import { parseAddress } from '../src/cli/read-xlsx';
import { SheetView } from '../src/core/grid/sheet-view';
import { readTable } from '../src/core/generic/read';
import { inferRelations } from '../src/core/generic/infer';
import { analyze } from '../src/core/check';

function role(r: { type: string } & Record<string, unknown>): string {
  const rest = Object.entries(r).filter(([k]) => k !== 'type').map(([k, v]) => `${k}=${String(v)}`);
  return rest.length ? `${r.type}(${rest.join(',')})` : r.type;
}

async function main(): Promise<void> {
  const [file, which] = process.argv.slice(2);
  const wb = await readWorkbookFile(file);
  const a = analyze(wb);
  for (const t of a.tables) {
    const sheetName = t.sheet.name;
    if (which && !which.includes('!') && !sheetName.includes(which)) continue;
    if (which?.includes('!')) {
      const [s, r] = which.split('!');
      const [a1] = r.split(':');
      const p = parseAddress(a1);
      if (s !== sheetName || p.row < t.area.top || p.row > t.area.bottom) continue;
    }
    const g = readTable(new SheetView(t.sheet), t.area);
    if (!g) continue;
    console.log(`\n== ${t.id} ${sheetName} rows ${t.area.top + 1}-${t.area.bottom + 1} «${g.title}»`);
    g.cols.forEach((c, j) => console.log(`  col ${j} @${c.at} ${role(c.role)} y=${c.year ?? ''} mark=${c.mark ?? ''} [${[...c.path, c.label].join(' > ')}]`));
    g.rows.forEach((r, i) => console.log(`  row ${i} @${r.at + 1} ${role(r.role)} y=${r.year ?? ''} ind=${r.indent} mark=${r.mark ?? ''}${r.empty ? ' EMPTY' : ''} «${r.label.slice(0, 60)}»`));
    for (const rel of inferRelations(g)) {
      if (rel.type === 'linear') console.log(`  REL ${rel.rule} ${rel.axis} ${rel.target} = ${rel.terms.map((x) => (x.sign > 0 ? '+' : '-') + x.at).join(' ')}${rel.exhaustive ? '' : ' (partial)'}${rel.inferred ? ' INFERRED' : ''}`);
      else console.log(`  REL ratio ${rel.axis} ${rel.target} = ${rel.num.map((x) => x.at).join('+')} / ${rel.den.map((x) => x.at).join('+')} ×${rel.factor}${rel.denLine !== undefined ? ` den@line ${rel.denLine}` : ''}`);
    }
  }
}

void main();
