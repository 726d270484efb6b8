// Table kinds in words, from their definitions.
import { KINDS } from '../../core/kinds';
import { GENERIC_TABLE } from '../../core/generic/model';
import type { Lang } from '../../core';

export function kindTitle(kind: string, lang: Lang): string {
  const d = kind === GENERIC_TABLE.kind ? GENERIC_TABLE : KINDS.find((k) => k.kind === kind);
  return d ? d.title[lang] : kind;
}
