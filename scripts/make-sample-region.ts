// Writes samples/region/: three municipal reports of one district for `report-check merge samples/region
// --out summary.xlsx`. Each is seed 001's 2023 report at its own scale (×1, ×2, ×3, its mistakes
// with it), laid out otherwise: sheets renamed and in another order, tables elsewhere, withdrawal
// reasons in another order, receipts typed as text, its own Model Standard grid (20, 6 and 4
// libraries), and the third with a withdrawal reason («Дефектность») the first has not.
// Run with: npx tsx scripts/make-sample-region.ts [folder]
import * as path from 'path';
import { promises as fs } from 'fs';
import { municipalReport } from '../test/fixtures/merge-region';
import { buildWorkbook } from '../test/fixtures/xlsx-builder';

async function main(): Promise<void> {
  const dir = process.argv[2] ?? path.join(__dirname, '..', 'samples', 'region');
  await fs.mkdir(dir, { recursive: true });
  for (const k of [0, 1, 2]) {
    const sheets = municipalReport(k).sheets;
    const wb = await buildWorkbook(sheets);
    const fixed = new Date(Date.UTC(2024, 0, 20 + k, 9, 0, 0));
    wb.created = fixed;
    wb.modified = fixed;
    for (const s of sheets) wb.getWorksheet(s.name)!.getColumn(1).width = 42;
    const out = path.join(dir, `mo-${k + 1}.xlsx`);
    await wb.xlsx.writeFile(out);
    console.log(`wrote ${out}`);
  }
}

if (require.main === module) {
  main().catch((e) => {
    console.error(e);
    process.exit(1);
  });
}
