// Runs first, in whatever webview Office gives the pane, so it is compiled to ES5 (webpack.config.js)
// and uses nothing newer. Perpetual Office 2016/2019 on Windows may host add-ins in Internet
// Explorer 11 (Trident, ES5 only) or Edge Legacy (EdgeHTML) ("Browsers and webview controls used
// by Office Add-ins"); the pane is ES2020 and would stay blank there. This shows why instead.
import { ru } from './i18n/ru';
import { en } from './i18n/en';

/** Built-ins that arrived with or after ES2020 syntax in every engine the pane runs in. */
export function isModern(g: unknown): boolean {
  const w = g as { Promise?: { allSettled?: unknown }; String?: { prototype?: { replaceAll?: unknown } }; globalThis?: unknown };
  return !!w.Promise && typeof w.Promise.allSettled === 'function' && !!w.String && typeof w.String.prototype?.replaceAll === 'function' && typeof w.globalThis === 'object';
}

/** Puts the Russian, then the English, message in place of the pane (as text, never as HTML). */
export function showTooOld(doc: Document): void {
  const root = doc.getElementById('root');
  if (!root || root.getAttribute('data-too-old')) return;
  while (root.firstChild) root.removeChild(root.firstChild);
  root.setAttribute('data-too-old', '1');
  root.setAttribute('role', 'alert');
  const lines: Array<[string, string]> = [
    [ru.appTitle, 'h1'],
    [ru.webviewTooOld, 'p'],
    [en.webviewTooOld, 'p'],
  ];
  for (let i = 0; i < lines.length; i++) {
    const el = doc.createElement(lines[i][1]);
    el.appendChild(doc.createTextNode(lines[i][0]));
    if (i === 2) el.setAttribute('lang', 'en');
    el.setAttribute('style', 'font-family: Segoe UI, sans-serif; margin: 12px;');
    root.appendChild(el);
  }
}

/** Shows the message when the webview lacks what the pane needs, or cannot parse the pane's script. */
export function watch(win: Window): void {
  const doc = win.document;
  const show = () => showTooOld(doc);
  if (!isModern(win)) {
    if (doc.readyState === 'loading') doc.addEventListener('DOMContentLoaded', show);
    else show();
    return;
  }
  win.addEventListener('error', (e: ErrorEvent) => {
    const root = doc.getElementById('root');
    const fromPane = /taskpane\.js/.test(e.filename || '') && /syntax/i.test(String(e.message));
    if (fromPane && root && !root.firstChild) show();
  });
}

if (typeof window !== 'undefined' && typeof document !== 'undefined') watch(window);
