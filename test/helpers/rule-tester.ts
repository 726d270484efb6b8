// A RuleTester in ESLint's style: valid grids give no issue of the rule, invalid ones exactly the listed issues.
import { checkWorkbook, renderMessage, type Sheet } from '../../src/core';
import { CATALOGUES } from '../../src/core/report/messages/render';
import { RULES } from '../../src/core/rules';

export interface InvalidCase {
  name: string;
  sheet: Sheet;
  /** `A1` or `A1=expected` of every issue of this rule, primary cell first. */
  issues: string[];
}

export interface ValidCase {
  name: string;
  sheet: Sheet;
}

export function ruleTester(rule: string, cases: { valid: ValidCase[]; invalid: InvalidCase[] }): void {
  const meta = RULES.find((r) => r.meta.id === rule)?.meta;
  const names = [...cases.valid, ...cases.invalid].map((c) => c.name);
  describe(`rule ${rule}`, () => {
    test('is registered, has unique cases, and every message id it may use exists in both languages', () => {
      expect(meta).toBeDefined();
      expect(new Set(names).size).toBe(names.length);
      for (const id of meta!.messageIds) {
        expect(CATALOGUES.ru[id]).toBeDefined();
        expect(CATALOGUES.en[id]).toBeDefined();
      }
    });
    for (const c of cases.valid)
      test(`valid: ${c.name}`, () => {
        const r = checkWorkbook({ sheets: [c.sheet] });
        expect(r.tables.length).toBeGreaterThan(0);
        expect(r.issues.filter((i) => i.rule === rule).map((i) => i.cells[0].address)).toEqual([]);
      });
    for (const c of cases.invalid)
      test(`invalid: ${c.name}`, () => {
        const r = checkWorkbook({ sheets: [c.sheet] });
        const got = r.issues.filter((i) => i.rule === rule);
        expect(got.map((i) => i.cells[0].address + (i.expected !== undefined ? `=${i.expected}` : '')).sort()).toEqual([...c.issues].sort());
        for (const i of got) {
          expect(meta!.messageIds).toContain(i.messageId);
          expect(renderMessage(i, { lang: 'ru' })).not.toMatch(/\{\{|undefined|NaN/);
          expect(renderMessage(i, { lang: 'en' })).not.toMatch(/\{\{|undefined|NaN/);
        }
      });
  });
}
