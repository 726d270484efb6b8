// Every message a rule may use exists in Russian and English, and the two catalogues have the same ids.
import { CATALOGUES } from '../../src/core/report/messages/render';
import { RULES } from '../../src/core/rules';
import { RULE_IDS } from '../../src/core';

test('every rule is registered once and its message ids exist in both languages', () => {
  expect(RULES.map((r) => r.meta.id).sort()).toEqual([...RULE_IDS].sort());
  for (const r of RULES)
    for (const id of r.meta.messageIds) {
      expect([r.meta.id, id, typeof CATALOGUES.ru[id]]).toEqual([r.meta.id, id, 'string']);
      expect([r.meta.id, id, typeof CATALOGUES.en[id]]).toEqual([r.meta.id, id, 'string']);
    }
  expect(Object.keys(CATALOGUES.en).sort()).toEqual(Object.keys(CATALOGUES.ru).sort());
});
