import fc from 'fast-check';
import { jsonText } from '../../src/cli/report/json-text';

describe('jsonText', () => {
  it('parses back to what JSON.stringify gives, for any JSON-like value', () => {
    fc.assert(
      fc.property(fc.anything({ withNullPrototype: false, withBoxedValues: false, withMap: false, withSet: false, withTypedArray: false, withSparseArray: false }), (v) => {
        const expected = JSON.stringify(v);
        if (expected === undefined) return;
        expect(JSON.parse(jsonText(v))).toStrictEqual(JSON.parse(expected));
      }),
      { seed: 20261122, numRuns: 500 },
    );
  });

  it('indents down to the records and writes each record on one line', () => {
    const report = { version: 1, files: [{ file: 'a.xlsx', tables: [], issues: [{ rule: 'sum-mismatch', cells: [{ sheet: 'Фонды', address: 'C9' }], expected: 2, actual: undefined }] }] };
    expect(jsonText(report)).toBe(
      [
        '{',
        '  "version": 1,',
        '  "files": [',
        '    {',
        '      "file": "a.xlsx",',
        '      "tables": [],',
        '      "issues": [',
        '        {"rule":"sum-mismatch","cells":[{"sheet":"Фонды","address":"C9"}],"expected":2}',
        '      ]',
        '    }',
        '  ]',
        '}',
      ].join('\n'),
    );
  });
});
