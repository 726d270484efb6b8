// The e2e workbook: the sample report (or a fixture of our own while it is missing), plus a sheet
// with a fillable table whose cells hold hostile text.
import fs from 'fs';
import path from 'path';
import { loadXlsx } from '../excel-fake/load-xlsx';
import { modelFromSpecs } from '../excel-fake/build';
import type { FakeModel } from '../excel-fake/model';

export const HOSTILE_SHEET = '<img src=x onerror=alert(1)>';
export const IMG = '<img src=x onerror=alert(1)>';
export const LONG = 'Очень длинная строка '.repeat(400);
export const CONTROL = 'звонок\u0007\u001b[31m конец';
export const RTL = '\u202Eотчёт\u200F';

export async function e2eWorkbook(root: string): Promise<{ model: FakeModel; source: string }> {
  const sample = path.join(root, 'samples', 'sample-report.xlsx');
  const source = fs.existsSync(sample) ? sample : 'built-in fixture';
  const model = fs.existsSync(sample) ? await loadXlsx(sample) : modelFromSpecs([]);
  const extra = modelFromSpecs([
    {
      name: HOSTILE_SHEET,
      at: 'B2',
      rows: [
        ['Показатели (2023)', 'Объем фонда', 'Книг, брошюр', 'Газет, журналов', 'CD - ROM'],
        ['Состояло на начало года', 1000, 700, IMG, 0],
        ['Поступило за год', 100, 60, 40, LONG],
        ['Выбыло за год', 50, 30, 20, CONTROL],
        ['Состоит на конец года', null, null, 270, RTL],
      ],
    },
  ]);
  for (const s of extra.sheets) {
    s.id += 1000;
    model.sheets.push(s);
  }
  if (!model.activeSheetId) model.activeSheetId = model.sheets[0].id;
  return { model, source };
}

/**
 * The large workbook the pane must read in blocks on Excel on the web: a report table under
 * borders stretched to J600000 (a used range of six million cells), a sheet of 600 merged header
 * rows (Excel gives at most 512 at a time) and a sheet of long texts (each string comes back three
 * times, as value, text and formula, so a few thousand rows pass 5 MB).
 */
export function largeWorkbook(): FakeModel {
  const long = (i: number) => `Мероприятие ${i}: `.padEnd(300, 'описание ');
  return modelFromSpecs([
    {
      name: 'Фонды',
      at: 'B3',
      rows: [
        ['Показатели (2023)', 'Объем фонда', 'Книг, брошюр', 'Газет, журналов', 'CD - ROM'],
        ['Состояло на начало года', 1000, 700, 300, 0],
        ['Поступило за год', 100, 60, 40, 0],
        ['Выбыло за год', 50, 30, 20, 0],
        ['Состоит на конец года', null, null, 320, 0],
      ],
      formatOnly: ['A1:J600000'],
    },
    {
      name: 'Шапки',
      rows: Array.from({ length: 1200 }, (_, i) => [i % 2 ? null : `Раздел ${i / 2 + 1}`, null, null, i]),
      merges: Array.from({ length: 600 }, (_, i) => `A${2 * i + 1}:C${2 * i + 1}`),
    },
    { name: 'Тексты', rows: Array.from({ length: 2500 }, (_, i) => [long(i), long(i + 1), long(i + 2), i]) },
  ]);
}
