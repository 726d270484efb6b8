// Checks on the production build: CSP allows no remote origin but Office's script hosts,
// office.js comes from Microsoft's CDN by a plain script tag, no eval, manifest and icons copied,
// compat.js is ES5 and runs before the pane, the pane's script is ES2020 at most.
import fs from 'fs';
import path from 'path';
import assert from 'assert/strict';
// acorn comes with webpack (its parser), so it is there wherever the build is.
import { parse } from 'acorn';

/** The two origins office.js loads itself from (see OFFICE_ORIGINS in webpack.config.js). */
export const OFFICE_ORIGINS = ['https://appsforoffice.microsoft.com', 'https://officeapis.public.onecdn.static.microsoft'];

function parsesAs(file: string, ecmaVersion: 5 | 2020): void {
  const src = fs.readFileSync(file, 'utf8');
  assert.doesNotThrow(() => parse(src, { ecmaVersion, sourceType: 'script' }), `${path.basename(file)} parses as ES${ecmaVersion === 5 ? 5 : 2020}`);
}

export function checkBuild(dir: string): void {
  const html = fs.readFileSync(path.join(dir, 'taskpane.html'), 'utf8');
  const csp = /http-equiv="?Content-Security-Policy"? content="([^"]+)"/.exec(html)?.[1];
  assert.ok(csp, 'taskpane.html has a CSP meta');
  const origins = csp.match(/https?:\/\/[^\s;']+|wss?:\/\/[^\s;']+/g) ?? [];
  assert.deepEqual([...new Set(origins)], OFFICE_ORIGINS, `CSP origins: ${origins.join(' ')}`);
  assert.match(csp, new RegExp(`script-src 'self' ${OFFICE_ORIGINS.join(' ')};`), 'the Office origins only in script-src');
  assert.ok(!/unsafe-eval/.test(csp), 'no unsafe-eval');
  assert.match(html, /<script src="?https:\/\/appsforoffice\.microsoft\.com\/lib\/1\/hosted\/office\.js"?><\/script>/);
  assert.ok(html.indexOf('src=compat.js') >= 0 && html.indexOf('src=compat.js') < html.indexOf('src=taskpane.js'), 'compat.js before taskpane.js');
  parsesAs(path.join(dir, 'compat.js'), 5);
  parsesAs(path.join(dir, 'taskpane.js'), 2020);
  const js = fs.readFileSync(path.join(dir, 'taskpane.js'), 'utf8');
  assert.ok(!/\beval\(/.test(js), 'no eval( in the bundle');
  // Two feature probes remain, both inside try/catch and harmless under the CSP: webpack's
  // globalThis fallback (never reached in browsers that have globalThis) and zod's JIT probe.
  const probes = ['try{return this||new Function("return this")()}catch', 'try{return new Function(""),!0}catch'];
  let rest = js;
  for (const p of probes) rest = rest.split(p).join('');
  assert.ok(!/new Function\(/.test(rest), 'no other new Function( in the bundle');
  for (const f of ['manifest.xml', 'assets/icon-16.png', 'assets/icon-32.png', 'assets/icon-64.png', 'assets/icon-80.png']) {
    assert.ok(fs.existsSync(path.join(dir, f)), `${f} in the build`);
  }
}
