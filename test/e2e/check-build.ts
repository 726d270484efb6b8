// Checks on the production build: CSP allows no remote origin but Office's script host,
// office.js comes from Microsoft's CDN by a plain script tag, no eval, manifest and icons copied.
import fs from 'fs';
import path from 'path';
import assert from 'assert/strict';

export function checkBuild(dir: string): void {
  const html = fs.readFileSync(path.join(dir, 'taskpane.html'), 'utf8');
  const csp = /http-equiv="?Content-Security-Policy"? content="([^"]+)"/.exec(html)?.[1];
  assert.ok(csp, 'taskpane.html has a CSP meta');
  const origins = csp.match(/https?:\/\/[^\s;']+|wss?:\/\/[^\s;']+/g) ?? [];
  assert.deepEqual([...new Set(origins)], ['https://appsforoffice.microsoft.com'], `CSP origins: ${origins.join(' ')}`);
  assert.ok(!/unsafe-eval/.test(csp), 'no unsafe-eval');
  assert.match(html, /<script src="?https:\/\/appsforoffice\.microsoft\.com\/lib\/1\/hosted\/office\.js"?><\/script>/);
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
