// Writes samples/sample-report.xlsx: a realistic annual-report workbook built from seed 001
// (Asino library system, 2023) as the report states it, mistakes included, plus seed 002's
// Table 1 (Kuzbass, 2016). Run with: npx tsx scripts/make-sample.ts [out.xlsx]
import * as path from 'path';
import { promises as fs } from 'fs';
import { buildWorkbook, blockWidth, type Item, type SheetSpec } from '../test/fixtures/xlsx-builder';
import * as S from '../test/fixtures/seed-001';
import type { TableFixture } from '../test/fixtures/seed-001';
import { kuzbassTable1, KUZBASS_PROSE, TABLE1_SUBTITLE, TABLE1_TITLE } from '../test/fixtures/seed-002';
import { withdrawalsWithTotal } from '../test/fixtures/variants';
import { financingSources, localHistoryFund } from '../test/fixtures/seed-001-other';

class Sheet {
  readonly items: Item[] = [];
  row = 0;
  constructor(readonly name: string) {}
  text(s: string, col = 0): this {
    this.items.push({ at: [this.row++, col], text: s });
    return this;
  }
  gap(n = 1): this {
    this.row += n;
    return this;
  }
  /** Title line (if any) then the table, then one empty row. */
  table(t: TableFixture, col = 0, title: string | undefined | false = t.title): this {
    if (title) this.text(title, col);
    this.items.push({ at: [this.row, col], block: t.block });
    this.row += t.block.rows.length + 1;
    return this;
  }
  /** Tables side by side on the same rows, each with its title line. */
  sideBySide(tables: Array<{ t: TableFixture; col: number; title?: string }>): this {
    const top = this.row;
    let bottom = top;
    for (const { t, col, title } of tables) {
      const line = title ?? t.title;
      let r = top;
      if (line) this.items.push({ at: [r++, col], text: line });
      this.items.push({ at: [r, col], block: t.block });
      bottom = Math.max(bottom, r + t.block.rows.length);
    }
    this.row = bottom + 1;
    return this;
  }
  spec(): SheetSpec {
    return { name: this.name, items: this.items };
  }
}

export function sampleSheets(): SheetSpec[] {
  const funds = new Sheet('Фонды')
    .text('5. Библиотечные фонды (формирование, использование, сохранность)')
    .text(S.PROSE.fundIntro)
    .gap()
    .table(S.fundMovement)
    .text(S.FUND_RECEIPTS_TITLE)
    .text(S.PROSE.receiptsAsk)
    .table(S.fundReceipts, 0, S.FUND_RECEIPTS_SUBTITLE)
    .table(S.fundWithdrawals)
    .text(S.PROSE.withdrawals)
    .text(S.PROSE.withdrawals2);

  const staff = new Sheet('Кадры')
    .text(S.PROSE.staffSection)
    .gap()
    .table(S.staffCategories)
    .text(S.PROSE.staffCategories)
    .gap()
    .table(S.staffRates)
    .text(S.PROSE.staffRates)
    .gap()
    .sideBySide([
      { t: S.staffEducation, col: 0 },
      { t: S.staffTenure, col: 7 },
    ])
    .text(S.PROSE.staffTenure)
    .gap()
    .table(S.staffAge)
    .text(S.PROSE.staffAge);

  const ms = new Sheet('Модельный стандарт').table(S.modelStandardGrid).text(S.PROSE.grid);

  const kuzbass = new Sheet('Кузбасс 2016')
    .text(KUZBASS_PROSE[0])
    .text(KUZBASS_PROSE[1])
    .gap()
    .text(KUZBASS_PROSE[2])
    .text(KUZBASS_PROSE[3])
    .gap()
    .text(TABLE1_TITLE)
    .table(kuzbassTable1, 0, TABLE1_SUBTITLE)
    .text(KUZBASS_PROSE[4]);

  const ind = new Sheet('Показатели')
    .text('3. Библиотечная сеть')
    .text(S.NETWORK_TITLE)
    .text(S.PROSE.network)
    .text(S.PROSE.network2)
    .table(S.libraryNetwork, 0, false)
    .text(S.PROSE.networkKinds)
    .table(S.libraryNetworkKinds, 0, false)
    .text(S.PROSE.networkEnd)
    .gap()
    .table(S.basicIndicators)
    .text(S.PROSE.basic)
    .text(S.PROSE.basic2)
    .gap()
    .table(S.visitsPlan)
    .table(S.relativeIndicators)
    .text(S.PROSE.relative)
    .gap()
    .table(S.fundReceiptsCopy)
    .sideBySide([
      { t: S.fundComposition(2021), col: 0 },
      { t: S.fundComposition(2022), col: 4 },
      { t: S.fundComposition(2023), col: 8 },
    ])
    .text(S.PROSE.fundEnd)
    .gap()
    .table(S.fundIndicators)
    .text(S.PROSE.fundIndicators);

  // Not in the report: two of its tables with their totals left empty, so that the sample shows the fill.
  const toFill = new Sheet('К заполнению')
    .text('Таблицы с неподсчитанными итогами (их заполнит «Проверка отчёта»)')
    .gap()
    .table(withdrawalsWithTotal(S.FUND_WITHDRAWALS_VALUES, 'empty'))
    .table(S.staffRatesTable([null, 38, 5, 3, 1, 0]), 0, 'Характеристика основного персонала по объему занимаемых ставок');
  // Tables of no known kind: checked from their own labels and numbers, the report's mistakes in them.
  const other = new Sheet('Прочие таблицы')
    .text('Таблицы отчёта без известного вида: арифметика читается из их собственных подписей')
    .gap()
    .table(financingSources)
    .gap()
    .text('9.4. Краеведческие фонды')
    .table(localHistoryFund);
  return [funds.spec(), staff.spec(), ms.spec(), kuzbass.spec(), ind.spec(), toFill.spec(), other.spec()];
}

async function main(): Promise<void> {
  const out = process.argv[2] ?? path.join(__dirname, '..', 'samples', 'sample-report.xlsx');
  const sheets = sampleSheets();
  const wb = await buildWorkbook(sheets);
  const fixed = new Date(Date.UTC(2024, 0, 15, 9, 0, 0));
  wb.created = fixed;
  wb.modified = fixed;
  // Readable column widths: the first column holds labels.
  for (const spec of sheets) {
    const ws = wb.getWorksheet(spec.name)!;
    let width = 1;
    for (const it of spec.items) if ('block' in it) width = Math.max(width, it.at[1] + blockWidth(it.block));
    for (let c = 1; c <= width; c++) ws.getColumn(c).width = c === 1 ? 42 : 14;
  }
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
