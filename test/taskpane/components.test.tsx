/** @jest-environment jsdom */
// Components on their own: grouping, selection by click and keyboard, inert cell text, preview, chart.
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import '@testing-library/jest-dom';
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import type { ReactElement } from 'react';
import { IssueList } from '../../src/taskpane/IssueList';
import { FillPreview } from '../../src/taskpane/FillPreview';
import { ScoreChart } from '../../src/taskpane/ScoreChart';
import { Settings } from '../../src/taskpane/Settings';
import { TableList } from '../../src/taskpane/TableList';
import { catalogues } from '../../src/taskpane/i18n';
import { scoresFrom } from '../../src/taskpane/scores';
import { issues, plan, summaries, tables } from './fixtures';

const ru = catalogues.ru;
const wrap = (ui: ReactElement) => render(<FluentProvider theme={webLightTheme}>{ui}</FluentProvider>);

describe('IssueList', () => {
  it('groups by table, then severity, errors first', () => {
    wrap(<IssueList issues={issues} tables={tables} t={ru} lang="ru" decimalSeparator="," onSelect={jest.fn()} />);
    const groups = screen.getAllByRole('heading', { level: 3 }).map((h) => h.textContent);
    expect(groups[0]).toMatch(/^Движение фонда \(2023\): лист «Фонды», B3:F7/);
    expect(groups[1]).toMatch(/^Численность работников/);
    expect(groups[2]).toBe('Вне таблиц');
    const sev = screen.getAllByRole('heading', { level: 4 }).map((h) => h.textContent);
    expect(sev.slice(0, 2)).toEqual(['Ошибка: 1', 'Сведения: 1']);
    expect(sev).toContain('Предупреждение: 1');
  });

  it('selects an issue’s cells on click and on Enter', async () => {
    const onSelect = jest.fn();
    wrap(<IssueList issues={issues} tables={tables} t={ru} lang="ru" decimalSeparator="," onSelect={onSelect} />);
    const buttons = screen.getAllByRole('button');
    await userEvent.click(buttons[0]);
    expect(onSelect).toHaveBeenLastCalledWith(issues[0].cells);
    buttons[1].focus();
    await userEvent.keyboard('{Enter}');
    expect(onSelect).toHaveBeenLastCalledWith(issues[1].cells);
    await userEvent.tab();
    expect(buttons[2]).toHaveFocus();
  });

  it('shows hostile cell text as text', () => {
    const { container } = wrap(
      <IssueList issues={issues} tables={tables} t={ru} lang="ru" decimalSeparator="," onSelect={jest.fn()} />,
    );
    expect(container.querySelector('img')).toBeNull();
    expect(screen.getByRole('button', { name: /B3/ })).toHaveTextContent('<img src=x onerror=alert(1)>⟨U+202E⟩evil');
  });
});

describe('FillPreview', () => {
  it('lists every write old → new and applies', async () => {
    const onApply = jest.fn();
    wrap(<FillPreview plan={plan} mode="formulas" t={ru} decimalSeparator="," applied={false} busy={false} onApply={onApply} onUndo={jest.fn()} />);
    const items = within(screen.getByRole('list', { name: 'Заполнение' })).getAllByRole('listitem');
    expect(items[0]).toHaveTextContent('Фонды!C7(пусто) → =C4+C5-C6 (211 056)');
    expect(items[1]).toHaveTextContent('Кадры!E2(пусто) → 0,824');
    expect(screen.getByRole('button', { name: 'Отменить' })).toBeDisabled();
    await userEvent.click(screen.getByRole('button', { name: 'Заполнить' }));
    expect(onApply).toHaveBeenCalled();
  });

  it('offers undo once applied', async () => {
    const onUndo = jest.fn();
    wrap(<FillPreview plan={{ writes: [] }} mode="values" t={ru} decimalSeparator="," applied busy={false} onApply={jest.fn()} onUndo={onUndo} />);
    expect(screen.getByRole('button', { name: 'Заполнить' })).toBeDisabled();
    await userEvent.click(screen.getByRole('button', { name: 'Отменить' }));
    expect(onUndo).toHaveBeenCalled();
  });

  it('says when there is nothing to fill', () => {
    wrap(<FillPreview plan={{ writes: [] }} mode="values" t={ru} decimalSeparator="," applied={false} busy={false} onApply={jest.fn()} onUndo={jest.fn()} />);
    expect(screen.getByText(ru.fillNothing)).toBeInTheDocument();
  });
});

describe('ScoreChart', () => {
  it('draws one bar per library and counts those at the threshold', () => {
    const data = scoresFrom(summaries, 6)!;
    const { container } = wrap(<ScoreChart data={data} t={ru} decimalSeparator="," />);
    const items = screen.getAllByRole('listitem');
    expect(items).toHaveLength(3);
    expect(items[0]).toHaveTextContent('Центральная библиотека: 12,5 из 14');
    expect(items[2]).toHaveTextContent('<b>Филиал</b> № 2: 6 из 14');
    expect(container.querySelector('b')).toBeNull();
    expect(screen.getByText(/набрали 2 из 3 библиотек/)).toBeInTheDocument();
  });

  it('has no data without a model-standard-grid summary', () => {
    expect(scoresFrom([], 6)).toBeUndefined();
  });
});

describe('Settings and tables', () => {
  it('changes the fill mode and language', async () => {
    const onChange = jest.fn();
    const onLang = jest.fn();
    wrap(<Settings settings={{ mode: 'formulas', threshold: 6 }} lang="ru" t={ru} onChange={onChange} onLangChange={onLang} />);
    await userEvent.click(screen.getByRole('radio', { name: 'значения' }));
    expect(onChange).toHaveBeenCalledWith({ mode: 'values', threshold: 6 });
    await userEvent.click(screen.getByRole('radio', { name: 'English' }));
    expect(onLang).toHaveBeenCalledWith('en');
    expect(screen.getByRole('spinbutton', { name: ru.threshold })).toHaveValue('6');
  });

  it('lists tables with kind in words', () => {
    wrap(<TableList tables={tables} t={ru} />);
    expect(screen.getByRole('heading', { name: 'Распознанные таблицы (2)' })).toBeInTheDocument();
    expect(screen.getAllByRole('listitem')[1]).toHaveTextContent('Численность работников: лист «Кадры», A1:D5');
  });
});
