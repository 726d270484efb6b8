// The double's formula evaluator, for the fills the engine writes.
import { evaluateFormula } from '../excel-fake/formula';

const cells: Record<string, Record<string, number | string>> = {
  '': { A1: 2, B1: 3, C1: '1 000', A2: 10 },
  ФОНДЫ: { C5: 7 },
  "IT'S": { A1: 100 },
};
const lookup = (row: number, col: number, sheet?: string) =>
  cells[sheet ?? '']?.[String.fromCharCode(65 + col) + (row + 1)] ?? null;

describe('evaluateFormula', () => {
  it.each([
    ['=A1+B1-A2', -5],
    ['=SUM(A1:B1)*2', 10],
    ['=ROUND(A1/B1*100,1)', 66.7],
    ['=(A1+B1)/A2', 0.5],
    ['=C1+1', 1001],
    ['=Фонды!C5+A1', 9],
    ["='It''s'!A1-1", 99],
    ['=SUM(Фонды!C5:C5)', 7],
  ])('%s = %p', (f, v) => expect(evaluateFormula(f, lookup)).toBeCloseTo(v as number));

  it('gives no result for what it cannot read', () => {
    expect(evaluateFormula('=VLOOKUP(A1)', lookup)).toBeNull();
    expect(evaluateFormula('=1/0', lookup)).toBeNull();
  });
});
