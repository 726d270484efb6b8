/** @jest-environment jsdom */
// The whole pane against a stand-in host; the engine's check and plan are fixed here so the test
// does not depend on what the engine finds.
import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import '@testing-library/jest-dom';
import { App } from '../../src/taskpane/App';
import { issues, plan, stubHost, summaries, tables } from './fixtures';

jest.mock('../../src/core', () => {
  const actual = jest.requireActual('../../src/core');
  return {
    ...actual,
    checkWorkbook: jest.fn(() => ({ tables, issues, summaries })),
    planFill: jest.fn(() => plan),
  };
});

async function checked(host = stubHost(), lang: 'ru' | 'en' = 'ru') {
  render(<App host={host} initialLang={lang} />);
  await userEvent.click(screen.getByRole('button', { name: lang === 'ru' ? 'Проверить книгу' : 'Check workbook' }));
  await screen.findByRole('heading', { name: /^(Замечания|Findings)/ });
  return host;
}

// Whole-pane tests click through several renders: 3–4 s each alone, more on a busy CI machine.
jest.setTimeout(20_000);

describe('App', () => {
  it('checks and shows counts, tables, grouped issues and the chart in Russian', async () => {
    const host = await checked();
    expect(host.readWorkbook).toHaveBeenCalledTimes(1);
    const counts = screen.getByRole('status', { name: 'Замечания' });
    expect(counts).toHaveTextContent('Ошибки: 2Предупреждения: 1Сведения: 1');
    expect(screen.getByRole('heading', { name: 'Распознанные таблицы (2)' })).toBeInTheDocument();
    expect(screen.getByRole('heading', { name: 'Модельный стандарт: баллы по библиотекам' })).toBeInTheDocument();
  });

  it('selects the cells of a clicked issue', async () => {
    const host = await checked();
    await userEvent.click(screen.getByRole('button', { name: /Фонды!D7/ }));
    expect(host.selectCells).toHaveBeenCalledWith(issues[0].cells);
  });

  it('fills, re-checks, then undoes', async () => {
    const host = await checked();
    await userEvent.click(screen.getByRole('button', { name: 'Заполнить' }));
    await screen.findByText(/Заполнено ячеек: 2/);
    expect(host.applyFill).toHaveBeenCalledWith(plan);
    expect(host.readWorkbook).toHaveBeenCalledTimes(2);
    await userEvent.click(screen.getByRole('button', { name: 'Отменить' }));
    await screen.findByText(/Заполнение отменено/);
    expect(host.undoFill).toHaveBeenCalledTimes(1);
  });

  it('says a protected sheet stopped the fill', async () => {
    const host = stubHost({ applyFill: async () => ({ ok: false, reason: 'protected', sheets: ['Кадры'], written: [] }) });
    await checked(host);
    await userEvent.click(screen.getByRole('button', { name: 'Заполнить' }));
    expect(await screen.findByText(/Лист «Кадры» защищён: ничего не записано/)).toBeInTheDocument();
  });

  it('names the cells left written after a failed write', async () => {
    const host = stubHost({
      applyFill: async () => ({
        ok: false,
        reason: 'write-failed',
        error: { code: 'GeneralException', message: 'boom' },
        written: [{ sheet: 'Фонды', address: 'C7' }],
        uncertain: false,
      }),
    });
    await checked(host);
    await userEvent.click(screen.getByRole('button', { name: 'Заполнить' }));
    expect(await screen.findByText(/GeneralException: boom.*Изменёнными остались ячейки: Фонды!C7/)).toBeInTheDocument();
  });

  it('re-checks when the plan is stale', async () => {
    const host = stubHost({ applyFill: async () => ({ ok: false, reason: 'stale', cells: [], written: [] }) });
    await checked(host);
    await userEvent.click(screen.getByRole('button', { name: 'Заполнить' }));
    expect(await screen.findByText(/Книга изменилась после проверки/)).toBeInTheDocument();
    expect(host.readWorkbook).toHaveBeenCalledTimes(2);
  });

  it('asks before undoing over the user’s edits', async () => {
    let calls = 0;
    const host = stubHost({
      undoFill: async (r, force) => {
        calls++;
        return force ? { ok: true, restored: r.before } : { ok: false, reason: 'changed', cells: [{ sheet: 'Фонды', address: 'C7' }] };
      },
    });
    await checked(host);
    await userEvent.click(screen.getByRole('button', { name: 'Заполнить' }));
    await screen.findByText(/Заполнено/);
    await userEvent.click(screen.getByRole('button', { name: 'Отменить' }));
    await userEvent.click(await screen.findByRole('button', { name: 'Отменить всё равно' }));
    await screen.findByText(/Заполнение отменено/);
    expect(calls).toBe(2);
  });

  it('shows a host error in the pane', async () => {
    const err = Object.assign(new Error('The requested resource does not exist.'), { code: 'ItemNotFound' });
    const host = stubHost({ readWorkbook: async () => Promise.reject(err) });
    render(<App host={host} initialLang="ru" />);
    await userEvent.click(screen.getByRole('button', { name: 'Проверить книгу' }));
    expect(await screen.findByText(/Excel сообщил об ошибке \(ItemNotFound\)/)).toBeInTheDocument();
  });

  it('highlights and removes the highlight', async () => {
    const host = await checked();
    const sw = screen.getByRole('switch', { name: 'Подсветить ячейки с замечаниями' });
    await userEvent.click(sw);
    await waitFor(() => expect(sw).toBeChecked());
    expect(host.highlight).toHaveBeenCalledWith(expect.arrayContaining([{ sheet: 'Фонды', address: 'D7', severity: 'error' }]));
    await userEvent.click(sw);
    await waitFor(() => expect(sw).not.toBeChecked());
    expect(host.clearHighlight).toHaveBeenCalled();
  });

  it('exports, asking before replacing the sheet', async () => {
    let exists = true;
    const host = stubHost({
      writeReportSheet: async (rows, replace) => (exists && !replace ? { status: 'exists' } : { status: 'written', rows: rows.length - 1 }),
    });
    await checked(host);
    await userEvent.click(screen.getByRole('button', { name: 'Выгрузить на лист «Проверка»' }));
    await userEvent.click(await screen.findByRole('button', { name: 'Заменить' }));
    expect(await screen.findByText('Лист «Проверка» создан: замечаний 4.')).toBeInTheDocument();
    exists = false;
    const rows = host.writeReportSheet.mock.calls[1][0];
    expect(rows[0]).toEqual(['Таблица', 'Серьёзность', 'Лист', 'Ячейка', 'Правило', 'Сообщение']);
    expect(rows[1].slice(0, 5)).toEqual(['fund-movement#1', 'Ошибка', 'Фонды', 'D7, D4', 'balance-mismatch']);
  });

  it('saves settings in the workbook', async () => {
    const host = await checked();
    await userEvent.click(screen.getByRole('radio', { name: 'значения' }));
    expect(host.saveSettings).toHaveBeenCalledWith({ mode: 'values', threshold: 6 });
  });

  it('speaks English when Office does, and switches language', async () => {
    await checked(stubHost(), 'en');
    expect(screen.getByText('Errors: 2')).toBeInTheDocument();
    await userEvent.click(screen.getByRole('radio', { name: 'Русский' }));
    expect(screen.getByText('Ошибки: 2')).toBeInTheDocument();
  });
});
