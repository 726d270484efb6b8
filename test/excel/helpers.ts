// Shared workbooks and helpers for the adapter tests.
import ExcelJS from 'exceljs';
import { FakeContext } from '../excel-fake/context';
import { modelFromSpecs } from '../excel-fake/build';
import type { SheetSpec } from '../excel-fake/build';
import type { FakeModel } from '../excel-fake/model';
import { loadXlsx } from '../excel-fake/load-xlsx';

/** The fund-movement table of the seed report, with its broken book column. */
export const fundSpec: SheetSpec = {
  name: 'Фонды',
  at: 'B3',
  rows: [
    ['Показатели (2023)', 'Объем фонда', 'Книг, брошюр', 'Газет, журналов', 'CD - ROM'],
    ['Состояло на начало года', 212768, 206281, 8675, 280],
    ['Поступило за год', 3346, 33, '1060 ', 0],
    ['Выбыло за год', 5058, 6295, 2149, 0],
    ['Состоит на конец года', null, 20813, { value: 7586, numberFormat: '#,##0' }, { f: 'F4+F5-F6' }],
  ],
  merges: ['B1:F1'],
};

/** `n` sheets with text, numbers, formulas, formats, merges and errors, at various offsets. */
export function manySheets(n: number): FakeModel {
  const specs: SheetSpec[] = [fundSpec];
  for (let i = 1; i < n; i++) {
    specs.push({
      name: `Лист ${i}`,
      at: `${String.fromCharCode(65 + (i % 5))}${1 + (i % 7)}`,
      rows: [
        ['Заголовок', null, 'Сумма'],
        [1, 2, { f: 'A2+B2' }],
        ['0.25', { value: 0.5, numberFormat: '0.0%' }, { value: null, error: '#DIV/0!', formula: '=1/0' }],
      ],
      merges: [`A${i + 20}:B${i + 21}`],
    });
  }
  return modelFromSpecs(specs);
}

export function ctxOf(model: FakeModel): FakeContext {
  return new FakeContext(model);
}

/** Writes an xlsx with exceljs and loads it into the double, as tests on fixture files do. */
export async function xlsxModel(build: (wb: ExcelJS.Workbook) => void | Promise<void>): Promise<FakeModel> {
  const wb = new ExcelJS.Workbook();
  await build(wb);
  const buf = Buffer.from(await wb.xlsx.writeBuffer());
  return loadXlsx(buf);
}
