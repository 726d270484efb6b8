// A plain HTML rendering of the double's workbook (the demo's "Excel"), redrawn on every change.
import { colName } from '../../src/core/grid/grid';
import type { FakeModel, FakeSheet } from './model';
import { officeText, usedRect, visibleSeparator } from './model';

export function renderWorkbookView(model: FakeModel, root: HTMLElement): void {
  const draw = () => {
    root.replaceChildren();
    const tabs = document.createElement('div');
    tabs.className = 'tabs';
    tabs.setAttribute('role', 'tablist');
    const active = model.sheets.find((s) => s.id === model.activeSheetId) ?? model.sheets[0];
    for (const s of model.sheets) {
      const b = document.createElement('button');
      b.type = 'button';
      b.textContent = s.name + (s.protected ? ' 🔒' : '');
      b.setAttribute('role', 'tab');
      b.setAttribute('aria-selected', String(s === active));
      b.addEventListener('click', () => {
        model.activeSheetId = s.id;
        model.changed();
      });
      tabs.append(b);
    }
    root.append(tabs);
    if (active) root.append(sheetTable(model, active));
  };
  draw();
  model.onChange(draw);
}

function sheetTable(model: FakeModel, s: FakeSheet): HTMLElement {
  const r = usedRect(s);
  const selected = new Set<string>();
  if (model.selection?.sheet === s.name) {
    for (const part of model.selection.address.split(',')) selected.add(part.trim());
  }
  const table = document.createElement('table');
  table.className = 'grid';
  const head = table.insertRow();
  head.append(document.createElement('th'));
  for (let c = 0; c <= r.right; c++) {
    const th = document.createElement('th');
    th.textContent = colName(c);
    head.append(th);
  }
  for (let i = 0; i <= r.bottom; i++) {
    const tr = table.insertRow();
    const th = document.createElement('th');
    th.textContent = String(i + 1);
    tr.append(th);
    for (let j = 0; j <= r.right; j++) {
      const td = tr.insertCell();
      const cell = s.cells.get(`${i},${j}`);
      const a1 = colName(j) + (i + 1);
      td.textContent = officeText(cell, visibleSeparator(model.behaviour), model.behaviour.displayLanguage);
      td.title = cell?.formula ? `${a1}: ${cell.formula}` : a1;
      if (cell?.fill?.color && cell.fill.pattern !== 'None') td.style.backgroundColor = cell.fill.color;
      if (typeof cell?.value === 'number') td.className = 'num';
      if (inSelection(selected, i, j)) td.classList.add('selected');
    }
  }
  return table;
}

function inSelection(selected: Set<string>, row: number, col: number): boolean {
  for (const a of selected) {
    const [p, q] = a.split(':');
    const m1 = /^([A-Z]+)(\d+)$/.exec(p);
    const m2 = /^([A-Z]+)(\d+)$/.exec(q ?? p);
    if (!m1 || !m2) continue;
    const c = (l: string) => [...l].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
    if (row >= Number(m1[2]) - 1 && row <= Number(m2[2]) - 1 && col >= c(m1[1]) && col <= c(m2[1])) return true;
  }
  return false;
}
