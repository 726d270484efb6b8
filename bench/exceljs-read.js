#!/usr/bin/env node
// Reads a workbook with exceljs alone, as the yardstick for `report-check check` end to end:
//   node bench/exceljs-read.js FILE
const ExcelJS = require('exceljs');
const { readFileSync } = require('fs');

new ExcelJS.Workbook().xlsx.load(readFileSync(process.argv[2])).then(
  () => undefined,
  (e) => {
    process.stderr.write(String(e && e.stack ? e.stack : e) + '\n');
    process.exitCode = 1;
  },
);
