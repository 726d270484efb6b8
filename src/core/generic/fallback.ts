// A table of a known kind that has nothing to check by its definition (an indicators table whose
// inputs stand in its own rows, not in 4.3) is read by the table layer instead: it keeps its kind
// and gains the relations its own labels and numbers state.
import type { Definition } from '../definition';
import { SheetView } from '../layout';
import { instances, presetInstances } from '../relations';
import { KeyIndex, type TableModel } from '../table';
import { GENERIC_TABLE, placeGeneric } from './model';

/** The table-layer definition under a known kind's name, one per kind. */
function asKind(def: Definition, memo: Map<string, Definition>): Definition {
  let d = memo.get(def.kind);
  if (!d) memo.set(def.kind, (d = { ...GENERIC_TABLE, kind: def.kind, title: def.title }));
  return d;
}

/**
 * Replaces, in place, each table of a known kind with no relations (or of a kind read by the table
 * layer) by its table-layer reading, if that has some.
 */
export function readUnchecked(tables: TableModel[]): void {
  const views = new Map<TableModel['sheet'], SheetView>();
  const memo = new Map<string, Definition>();
  for (let i = 0; i < tables.length; i++) {
    const t = tables[i];
    if (t.def.kind === GENERIC_TABLE.kind || (t.def.layer !== 'table' && instances(t).length) || t.def.relations.some((r) => r.type === 'scores')) continue;
    let view = views.get(t.sheet);
    if (!view) views.set(t.sheet, (view = new SheetView(t.sheet)));
    const g = placeGeneric(view, t.area);
    if (!g || !g.count) continue;
    const def = asKind(t.def, memo);
    const model: TableModel = { ...t, def, cells: g.cells, byKey: new KeyIndex(def, g.cells), words: g.words, points: new Map(), found: new Map(), nesting: new Map(), like: undefined, title: undefined };
    presetInstances(model, g.relations(model));
    tables[i] = model;
  }
}
