// Table kinds in words, from their definitions.
import { KINDS } from '../core/kinds';
import type { Lang } from '../core';

export function kindTitle(kind: string, lang: Lang): string {
  const d = KINDS.find((k) => k.kind === kind);
  return d ? d.title[lang] : kind;
}
