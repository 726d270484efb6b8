// Renders issue and summary messages from their data, per language.
import type { RenderOptions, SummaryData } from '../../api-types';
import type { IssueData, MessageParams } from '../issue';
import { en } from './en';
import { formatNumber, styleFor, type NumberStyle } from './format';
import { ru } from './ru';

export const CATALOGUES = { ru, en } as const;

function fmt(v: string | number, s: NumberStyle): string {
  return typeof v === 'number' ? formatNumber(v, s) : v;
}

/** `206 281 + 33 − 6 295` from terms and signs. */
function expr(terms: Array<string | number>, signs: Array<string | number>, s: NumberStyle): string {
  return terms
    .map((t, i) => {
      const n = fmt(typeof t === 'number' ? Math.abs(t) : t, s);
      const neg = signs[i] === '-' !== (typeof t === 'number' && t < 0);
      if (i === 0) return neg ? `${s.minus}${n}` : n;
      return `${neg ? '−' : '+'} ${n}`;
    })
    .join(' ');
}

/** `(8 273 − 5 535)` for a sum, `20 006` for one term. */
function operand(terms: MessageParams[string], signs: MessageParams[string], s: NumberStyle): string | undefined {
  if (!Array.isArray(terms)) return undefined;
  const sg = Array.isArray(signs) ? signs : terms.map(() => '+');
  const e = expr(terms, sg, s);
  return terms.length === 1 && sg[0] !== '-' ? e : `(${e})`;
}

/** Parameters shown with the decimals of the cell they describe. */
const FIXED = new Set(['expected', 'actual']);

/** A template cut at its placeholders: text, name, text, name, …, text. */
interface Compiled {
  names: Set<string>;
  parts: string[];
}

/** Templates compiled once (a report renders thousands of messages from a few templates). */
const compiled = new Map<string, Compiled>();

function compile(template: string): Compiled {
  let c = compiled.get(template);
  if (!c) {
    const parts = template.split(/\{\{(\w+)\}\}/);
    const names = new Set<string>();
    for (let i = 1; i < parts.length; i += 2) names.add(parts[i]);
    c = { names, parts };
    compiled.set(template, c);
  }
  return c;
}

function fill(template: string, params: MessageParams, s: NumberStyle): string {
  const { names: used, parts } = compile(template);
  const p: Record<string, string> = {};
  const dec = typeof params.decimals === 'number' ? params.decimals : undefined;
  // Only what the template shows is formatted.
  for (const k of used) {
    const v = params[k];
    if (v === undefined) continue;
    p[k] = Array.isArray(v) ? v.map((x) => fmt(x, s)).join(', ') : typeof v === 'number' && dec !== undefined && FIXED.has(k) ? formatNumber(v, s, dec) : fmt(v, s);
  }
  if (used.has('num')) {
    const num = operand(params.numTerms, params.numSigns, s);
    if (num !== undefined) p.num = num;
  }
  if (used.has('den')) {
    const den = operand(params.denTerms, params.denSigns, s);
    if (den !== undefined) p.den = den;
  }
  if (Array.isArray(params.terms) && (used.has('expr') || used.has('sumExpr'))) {
    const terms = params.terms;
    const signs = Array.isArray(params.signs) ? params.signs : terms.map(() => '+');
    p.expr = expr(terms, signs, s);
    p.sumExpr = terms.length > 1 ? `${p.expr} = ${fmt(params.expected as number, s)}` : fmt(params.expected as number, s);
  }
  let out = parts[0];
  for (let i = 1; i < parts.length; i += 2) out += (p[parts[i]] ?? '') + parts[i + 1];
  return out;
}

export function renderMessage(issue: Pick<IssueData, 'messageId' | 'params'>, opts: RenderOptions = {}): string {
  const lang = opts.lang ?? 'ru';
  const template = CATALOGUES[lang][issue.messageId] ?? CATALOGUES.ru[issue.messageId] ?? issue.messageId;
  return fill(template, issue.params, styleFor(lang, opts.decimalSeparator));
}

export function renderSummary(s: SummaryData, opts: RenderOptions = {}): string {
  return renderMessage(s, opts);
}
