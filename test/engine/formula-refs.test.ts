// The cells a formula reads: the sheet (quoted, unquoted or its own), anchors, ranges; not function names or texts.
import { formulaRefs } from '../../src/core/grid/formula-refs';

const show = (f: string) => formulaRefs(f).map((r) => `${r.sheet ?? ''}!${r.row},${r.col}`);

test('references on other sheets, quoted or not, and on the formula’s own sheet', () => {
  expect(show("ROUND('Обслуживание 2'!B13/$C$26,1)")).toEqual(['Обслуживание 2!12,1', '!25,2']);
  expect(show('=Фонды!B7+Фонды!$AB$100')).toEqual(['Фонды!6,1', 'Фонды!99,27']);
  expect(show("'It''s'!A1")).toEqual(["It's!0,0"]);
});

test('a range names its first and last cells', () => {
  expect(show('SUM(B6:B11)')).toEqual(['!5,1', '!10,1']);
  expect(show("SUM('5.3.2'!D6:D11)")).toEqual(['5.3.2!5,3', '5.3.2!10,3']);
});

test('function names with digits, texts in quotes and names are no references', () => {
  expect(show('LOG10(A1)+ATAN2(B2,C3)')).toEqual(['!0,0', '!1,1', '!2,2']);
  expect(show('IF(A1="B2",1,0)')).toEqual(['!0,0']);
  expect(show('Итого_2023*2')).toEqual([]);
});

test('at most 16 references are read', () => {
  expect(formulaRefs(Array.from({ length: 40 }, (_, i) => `A${i + 1}`).join('+'))).toHaveLength(16);
});
