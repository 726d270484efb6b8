// Russian message catalogue. {{name}} takes a parameter; {{expr}} is the arithmetic built from terms and signs.
export const ru: Record<string, string> = {
  'number-as-text': '{{what}}: число записано как текст «{{text}}»; читается как {{value}}',
  'not-a-number': '{{what}}: в ячейке не одно число: «{{text}}»',
  'not-a-number/error': '{{what}}: в ячейке ошибка {{text}}',
  'dash-as-zero': '{{what}}: прочерк читается как 0',
  'negative-value': '{{what}}: отрицательное значение {{value}}',
  'non-integer-count': '{{what}}: количество должно быть целым, в таблице {{value}}',
  'score-invalid': '{{what}}: допустимо 0 или {{points}}, в таблице {{value}}',
  'sum-mismatch': '{{what}}: {{expr}} = {{expected}}, в таблице {{actual}}',
  'balance-mismatch': '{{what}}: {{expr}} = {{expected}}, в таблице {{actual}}',
  'parts-exceed-total': '{{what}}: сумма частей {{expr}} = {{expected}} больше итога {{actual}}',
  'subset-exceeds': '{{what}} ({{actual}}) больше, чем {{set}} ({{expected}})',
  'ratio-mismatch': '{{what}}: {{num}} / {{den}} × 100 = {{expected}}, в таблице {{actual}}',
  'ratio-mismatch/indicator': '{{what}}: {{num}} / {{den}} × {{factor}} = {{exact}} ≈ {{expected}}, в таблице {{actual}}',
  'delta-mismatch': '{{what}}: {{expr}} = {{expected}}, в таблице {{actual}}',
  'cross-table-mismatch': '{{what}}: в таблице {{actual}}, а в таблице «{{other}}» {{otherWhat}}: {{sumExpr}}',
  'cross-table-mismatch/copy': '{{what}}: {{actual}}, а в другой копии этой таблицы ({{otherRange}}) {{expected}}',
  'missing-value/computed': '{{what}}: пусто, можно заполнить: {{expected}}',
  'missing-value/input': '{{what}}: пусто, проверка итога невозможна',
  'missing-value/no-result': '{{what}}: у формулы {{formula}} нет сохранённого результата; ячейка не проверена',
  'summary/threshold-share':
    'Модельный стандарт: {{count}} из {{total}} библиотек ({{share}} %) набрали {{threshold}} и более баллов из {{max}} (порог — настройка, по умолчанию 6)',
};
