// English message catalogue; the same ids as the Russian one.
export const en: Record<string, string> = {
  'number-as-text': '{{what}}: number stored as text "{{text}}"; read as {{value}}',
  'not-a-number': '{{what}}: the cell holds more than one number: "{{text}}"',
  'not-a-number/error': '{{what}}: the cell holds the error {{text}}',
  'dash-as-zero': '{{what}}: dash read as 0',
  'negative-value': '{{what}}: negative value {{value}}',
  'non-integer-count': '{{what}}: a count must be whole, the table has {{value}}',
  'score-invalid': '{{what}}: 0 or {{points}} allowed, the table has {{value}}',
  'sum-mismatch': '{{what}}: {{expr}} = {{expected}}, the table has {{actual}}',
  'balance-mismatch': '{{what}}: {{expr}} = {{expected}}, the table has {{actual}}',
  'parts-exceed-total': '{{what}}: the parts {{expr}} = {{expected}} exceed the total {{actual}}',
  'subset-exceeds': '{{what}} ({{actual}}) exceeds {{set}} ({{expected}})',
  'ratio-mismatch': '{{what}}: {{num}} / {{den}} × 100 = {{expected}}, the table has {{actual}}',
  'ratio-mismatch/indicator': '{{what}}: {{num}} / {{den}} × {{factor}} = {{exact}} ≈ {{expected}}, the table has {{actual}}',
  'delta-mismatch': '{{what}}: {{expr}} = {{expected}}, the table has {{actual}}',
  'cross-table-mismatch': '{{what}}: the table has {{actual}}, but the table "{{otherEn}}" has {{otherWhat}}: {{sumExpr}}',
  'cross-table-mismatch/copy': '{{what}}: {{actual}}, but another copy of this table ({{otherRange}}) has {{expected}}',
  'missing-value/computed': '{{what}}: empty, can be filled: {{expected}}',
  'missing-value/input': '{{what}}: empty, the total cannot be checked',
  'missing-value/no-result': '{{what}}: the formula {{formula}} has no saved result; the cell was not checked',
  'summary/threshold-share':
    'Model Standard: {{count}} of {{total}} libraries ({{share}} %) score {{threshold}} or more of {{max}} (the threshold is a setting, 6 by default)',
};
