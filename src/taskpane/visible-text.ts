// Cell text made safe to show: invisible controls and direction overrides become visible codes,
// and very long text is shortened. React renders the result as text, never as HTML.

// eslint-disable-next-line no-control-regex -- control characters are exactly what it finds
const HIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u200B-\u200F\u202A-\u202E\u2066-\u2069\uFEFF]/g;
export const MAX_SHOWN = 300;

export function visible(text: string, max = MAX_SHOWN): string {
  const shown = text.replace(HIDDEN, (ch) => `⟨U+${ch.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}⟩`);
  return shown.length > max ? `${shown.slice(0, max)}…` : shown;
}
