// Writes samples/sample-report-2022.xlsx: last year's report of the sample's library system, for
// `report-check compare samples/sample-report-2022.xlsx samples/sample-report.xlsx`. Its 2021 and
// 2022 figures are the sample's, laid out otherwise (sheets renamed, tables moved, rows in another
// order), but for two mistakes: books received in 2022 typed 3 872 (the 2023 report: 3 827), and
// the periodicals at the end of 2022 are 8 657 where the 2023 report starts the year with 8 675.
// Run with: npx tsx scripts/make-sample-2022.ts [out.xlsx]
import * as path from 'path';
import { promises as fs } from 'fs';
import { lastReport, MOVEMENT_2022 } from '../test/fixtures/compare-pairs';
import { buildWorkbook } from '../test/fixtures/xlsx-builder';

async function main(): Promise<void> {
  const out = process.argv[2] ?? path.join(__dirname, '..', 'samples', 'sample-report-2022.xlsx');
  const withdrawn = MOVEMENT_2022[2][2] + 18;
  const sheets = lastReport({
    last: {
      receipts: [[3, 5, 3872]],
      // The periodicals' column balances in last year's own report: 18 more withdrawn, 18 fewer at the end.
      movement: [
        [3, 3, withdrawn],
        [4, 3, MOVEMENT_2022[3][2] - 18],
      ],
    },
  }).sheets;
  const wb = await buildWorkbook(sheets);
  const fixed = new Date(Date.UTC(2023, 0, 16, 9, 0, 0));
  wb.created = fixed;
  wb.modified = fixed;
  for (const s of sheets) wb.getWorksheet(s.name)!.getColumn(1).width = 42;
  await fs.mkdir(path.dirname(out), { recursive: true });
  await wb.xlsx.writeFile(out);
  console.log(`wrote ${out}`);
}

if (require.main === module) {
  main().catch((e) => {
    console.error(e);
    process.exit(1);
  });
}
