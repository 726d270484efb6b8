#!/usr/bin/env node
// Entry point of `npx report-check`; the TypeScript is compiled to dist/ by `npm ci` (prepare).
const { main } = require('../dist/cli/main.js');
main(process.argv).then(
  (code) => (process.exitCode = code),
  (e) => {
    process.stderr.write(`report-check: ${e && e.message ? e.message : e}\n`);
    process.exitCode = 2;
  },
);
