/** @jest-environment jsdom */
// «Сравнить с прошлым годом…» and «Собрать свод…» on the bundled samples, with the real engine: the
// files are picked, read in the pane by the CLI's reader, compared or put together; the summary's
// sheets go to the host under free names, and its undo deletes them.
import { readFileSync } from 'fs';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import '@testing-library/jest-dom';
import { App } from '../../src/taskpane/App';
import type { NewSheet } from '../../src/taskpane/host';
import { parseXlsxFast } from '../../src/cli/xlsx';
import { stubHost } from './fixtures';

const sample = (p: string) => readFileSync(`${__dirname}/../../samples/${p}`);
const picked = (p: string) => new File([sample(p)], p.replace(/.*\//, ''), { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' });

jest.setTimeout(60_000);

async function open(file: string) {
  const host = stubHost({ readWorkbook: async () => ({ workbook: parseXlsxFast(sample(file)), notes: [] }) });
  render(<App host={host} initialLang="ru" />);
  return host;
}

describe('the pane with other workbooks', () => {
  it('compares the open workbook with last year’s report: its findings in the list, the other cell as text, only this year’s cell selected', async () => {
    const host = await open('sample-report.xlsx');
    await userEvent.upload(screen.getByTestId('last-year-file'), picked('sample-report-2022.xlsx'));
    expect(await screen.findByText(/Сравнение с «sample-report-2022\.xlsx»: сопоставлено таблиц 12 из 14/)).toBeInTheDocument();
    const item = screen.getByRole('button', { name: /в отчёте прошлого года 3\s872.*Фонды!E17/ });
    expect(within(item).getByText('В прошлогоднем отчёте: sample-report-2022.xlsx: Основные показатели!G34')).toBeInTheDocument();
    await userEvent.click(item);
    expect(host.selectCells).toHaveBeenLastCalledWith([{ sheet: 'Фонды', address: 'E17' }]);
    expect(screen.getByRole('button', { name: /Состоит на конец года \(Газет, журналов, 2022\)» 8\s657/ })).toBeInTheDocument();
    // The comparison stays with every check until it is taken away.
    await userEvent.click(screen.getByRole('button', { name: 'Проверить книгу' }));
    expect(await screen.findByText(/Идёт сравнение с «sample-report-2022\.xlsx»: замечаний 4/)).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Убрать сравнение' }));
    await screen.findByRole('heading', { name: /^Замечания/ });
    expect(screen.queryByText(/В прошлогоднем отчёте/)).not.toBeInTheDocument();
  });

  it('says why a picked file could not be read', async () => {
    await open('sample-report.xlsx');
    await userEvent.upload(screen.getByTestId('last-year-file'), new File(['не книга'], 'отчёт.xlsx'));
    expect(await screen.findByText('Файл «отчёт.xlsx» не прочитан: это не книга .xlsx.')).toBeInTheDocument();
  });

  it('puts the municipal reports together on new sheets: every sum equals its sources in «Источники», then deletes them', async () => {
    const host = await open('region/mo-1.xlsx');
    const files = ['region/mo-1.xlsx', 'region/mo-2.xlsx', 'region/mo-3.xlsx'].map(picked);
    await userEvent.upload(screen.getByTestId('municipal-files'), files);
    await screen.findByText(/Свод записан на новые листы/);
    const sheets: NewSheet[] = host.addSheets.mock.calls[0][0];
    const own = parseXlsxFast(sample('region/mo-1.xlsx')).sheets.map((s) => s.name.toLowerCase());
    for (const s of sheets) expect(own).not.toContain(s.name.toLowerCase());
    const sources = sheets.find((s) => s.name === 'Источники')!;
    expect(sources.values[0]).toEqual(['Лист свода', 'Ячейка свода', 'Файл', 'Лист', 'Ячейка', 'Значение', 'Как получено']);
    const sums = new Map<string, number>();
    for (const [sheet, cell, file, , , value, how] of sources.values.slice(1))
      if (how === 'сумма') {
        expect(['mo-1.xlsx', 'mo-2.xlsx', 'mo-3.xlsx']).toContain(file);
        sums.set(`${sheet}!${cell}`, (sums.get(`${sheet}!${cell}`) ?? 0) + (value as number));
      }
    expect(sums.size).toBeGreaterThan(50);
    for (const [key, sum] of sums) {
      const [name, a1] = key.split('!');
      const s = sheets.find((x) => x.name === name)!;
      const m = /^([A-Z]+)(\d+)$/.exec(a1)!;
      const col = [...m[1]].reduce((a, ch) => a * 26 + ch.charCodeAt(0) - 64, 0) - 1;
      expect([key, s.values[Number(m[2]) - 1 - s.top][col - s.left]]).toEqual([key, expect.closeTo(sum, 6)]);
    }
    expect(sheets.some((s) => s.name === 'Не сведено')).toBe(true);
    await userEvent.click(screen.getByRole('button', { name: 'Удалить листы свода' }));
    expect(await screen.findByText(/Листы свода удалены: \d+/)).toBeInTheDocument();
    expect(host.removeSheets).toHaveBeenCalledWith({ sheets: sheets.map((s, i) => ({ id: `{${i}}`, name: s.name })) });
  });
});
