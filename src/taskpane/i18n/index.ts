// The string catalogues and a tiny {param} formatter.
import type { Lang } from '../../core';
import { ru } from './ru';
import { en } from './en';
import type { Strings } from './ru';

export type { Strings };
export const catalogues: Record<Lang, Strings> = { ru, en };

/** Russian unless Office's display language is something else. */
export function langFor(displayLanguage: string): Lang {
  return displayLanguage.toLowerCase().startsWith('ru') ? 'ru' : 'en';
}

export function fmt(template: string, params: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (m, k: string) => (k in params ? String(params[k]) : m));
}

/** A number as the user writes it: grouped thousands, their decimal separator. */
export function formatNumber(n: number, decimalSeparator: string): string {
  const [int, frac] = String(Math.abs(n)).split('.');
  const grouped = int.replace(/\B(?=(\d{3})+(?!\d))/g, '\u00a0');
  return (n < 0 ? '−' : '') + grouped + (frac ? decimalSeparator + frac : '');
}
