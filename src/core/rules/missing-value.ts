// Empty computed cells that can be filled (info), empty inputs a relation needs (warning), formulas without results.
import { inputsOf, instances } from '../relations/relations';
import type { CellRef } from '../report/issue';
import type { TableCell } from '../tables/table';
import { indicatorFill } from './read-tables';
import { ref, what, type Rule } from './rule';

export const missingValue: Rule = {
  meta: {
    id: 'missing-value',
    severity: 'info',
    description: { ru: 'Пустая ячейка', en: 'Empty cell' },
    messageIds: ['missing-value/computed', 'missing-value/indicator', 'missing-value/input', 'missing-value/no-result'],
  },
  table(t, ctx) {
    const reported = new Set<TableCell>();
    for (let ci = 0; ci < t.cells.length; ci++) {
      const c = t.cells[ci];
      if (c.num.kind !== 'no-result') continue;
      ctx.report({ cells: [ref(t, c)], messageId: 'missing-value/no-result', params: { what: what(t, c), formula: c.formula ?? '' } });
      reported.add(c);
    }
    const list = instances(t);
    for (let ii = 0; ii < list.length; ii++) {
      const inst = list[ii];
      if (inst.type === 'subset') continue;
      const target = inst.target;
      const id = target;
      const d = ctx.values.derived.get(id);
      if (d && d.inst === inst && !reported.has(id)) {
        reported.add(id);
        // The target, then every cell it is computed from (a column total of a regional grid: 36 000).
        const inputs = inputsOf(inst);
        const cells = new Array<CellRef>(inputs.length + 1);
        cells[0] = ref(t, target);
        for (let xi = 0; xi < inputs.length; xi++) cells[xi + 1] = ref(inputs[xi].table, inputs[xi].cell);
        // An indicator from other tables shows its arithmetic and the tables read.
        const indicator = inst.type === 'ratio' ? indicatorFill(inst, ctx.values, d.value) : undefined;
        const params = indicator ? { what: what(t, target), expected: d.value, ...indicator } : { what: what(t, target), expected: d.value };
        ctx.report({ cells, expected: d.value, messageId: indicator ? 'missing-value/indicator' : 'missing-value/computed', params });
      }
      // An input left empty stops a check whose total is given: say so once per cell.
      if (!inst.computed || inst.type === 'ratio' || (inst.type === 'sum' && !inst.exhaustive)) continue;
      if (target.num.kind === 'empty') continue;
      const inputs = inputsOf(inst);
      for (let xi = 0; xi < inputs.length; xi++) {
        const x = inputs[xi];
        const cid = x.cell;
        if (x.table !== t || x.cell.num.kind !== 'empty' || ctx.values.get(t, x.cell) !== undefined || reported.has(cid)) continue;
        reported.add(cid);
        ctx.report({ severity: 'warning', cells: [ref(t, x.cell)], messageId: 'missing-value/input', params: { what: what(t, x.cell) } });
      }
    }
  },
};
