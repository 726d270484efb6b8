/** @jest-environment jsdom */
// compat.ts: the message a webview too old for the pane (Internet Explorer, legacy Edge) shows.
import { isModern, showTooOld, watch } from '../../src/taskpane/compat';
import { ru } from '../../src/taskpane/i18n/ru';
import { en } from '../../src/taskpane/i18n/en';

describe('compat', () => {
  beforeEach(() => {
    document.body.innerHTML = '<div id="root"></div>';
  });

  it('knows an ES2020 engine from Internet Explorer 11 and legacy Edge', () => {
    expect(isModern(globalThis)).toBe(true);
    const ie11 = { Promise: undefined, String: { prototype: {} } };
    const edge18 = { Promise: { allSettled: undefined }, String: { prototype: {} }, globalThis: undefined };
    expect([isModern(ie11), isModern(edge18)]).toEqual([false, false]);
  });

  it('shows the Russian, then the English message, as text', () => {
    showTooOld(document);
    const root = document.getElementById('root')!;
    expect(root.getAttribute('role')).toBe('alert');
    expect([...root.children].map((e) => e.textContent)).toEqual([ru.appTitle, ru.webviewTooOld, en.webviewTooOld]);
  });

  it('takes over the page when the pane’s script does not parse, and not for other errors', () => {
    watch(window);
    window.dispatchEvent(new ErrorEvent('error', { message: 'Uncaught TypeError: x', filename: 'https://localhost:3000/taskpane.js' }));
    expect(document.getElementById('root')!.childElementCount).toBe(0);
    window.dispatchEvent(new ErrorEvent('error', { message: 'SyntaxError: Unexpected token', filename: 'https://localhost:3000/taskpane.js' }));
    expect(document.getElementById('root')!.textContent).toContain(ru.webviewTooOld);
  });
});
