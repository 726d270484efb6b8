#!/usr/bin/env node
// `npm run sample`: checks the bundled sample workbook and writes a filled copy beside it.
const path = require('path');
const { runCheck, runFill } = require('../dist/cli/main.js');

(async () => {
  const input = path.join('samples', 'sample-report.xlsx');
  const out = path.join('samples', 'sample-report.filled.xlsx');
  const code = await runCheck([input], { format: 'text', lang: 'ru' });
  process.stdout.write('\n');
  const fill = await runFill(input, { out, mode: 'formulas', lang: 'ru' });
  // The sample holds the seed report's own mistakes, so errors are the expected outcome here.
  process.exitCode = code === 2 || fill !== 0 ? 2 : 0;
})();
