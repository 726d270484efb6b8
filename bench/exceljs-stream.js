#!/usr/bin/env node
// Reads a workbook with exceljs's streaming reader, row by row (no workbook model: the second,
// faster yardstick for `report-check check` end to end):   node bench/exceljs-stream.js FILE
const ExcelJS = require('exceljs');

(async () => {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(process.argv[2], { sharedStrings: 'cache', styles: 'cache', hyperlinks: 'ignore', worksheets: 'emit' });
  let cells = 0;
  for await (const sheet of reader) for await (const row of sheet) cells += row.cellCount;
  return cells;
})().then(
  () => undefined,
  (e) => {
    process.stderr.write(String(e && e.stack ? e.stack : e) + '\n');
    process.exitCode = 1;
  },
);
