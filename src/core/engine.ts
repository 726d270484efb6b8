// The engine: what one batch of checks keeps between the workbooks it reads (HyperFormula's way:
// the caller makes one and passes it). It owns the layouts recognition has seen (block-cache.ts)
// and recognition's trace; two engines share nothing, so two checks with their own engines cannot
// influence each other. `analyze(wb)` without one makes a fresh engine for that check alone.
// What stays module-level is pure memos of immutable input (label keys, parsed number formats,
// a definition list's word index, per-table or per-layout WeakMaps): none can change a result.
import type { Sheet } from './grid/grid';
import { SheetView } from './grid/sheet-view';
import type { RoleMemo } from './generic/read';
import { ReadingMemo } from './generic/reading-memo';
import { LayoutCache } from './recognize/cache/block-cache';

/** Recognition's own counts (tests and the benchmark read them). */
export interface RecognitionTrace {
  /** Candidates turned down because every cell they would have was empty. */
  emptyRejections: number;
  /** Blocks recognized from scratch through the cache (the others reused an earlier block's layout). */
  computed: number;
  /** Blocks recognized, through the cache or not. */
  blocks: number;
}

export interface EngineOptions {
  /**
   * Reuse the recognition of a block for later blocks of the same layout, and the table layer's reading
   * of a block for later blocks of the same content (on unless false; tests compare both ways).
   */
  reuseLayouts?: boolean;
}

export class Engine {
  readonly trace: RecognitionTrace = { emptyRejections: 0, computed: 0, blocks: 0 };
  /** The layouts seen, per definition list; undefined when layouts are not reused. */
  readonly layouts: LayoutCache | undefined;

  /** The table layer's roles of labels seen (a pure memo: a role depends on its words only). */
  readonly roles: RoleMemo = new Map();
  /** The table layer's readings of blocks by content (generic/reading-memo.ts); undefined when layouts are not reused. */
  readonly readings: ReadingMemo | undefined;
  /** One view per sheet, shared by recognition and the table layer's second readings. */
  private readonly views = new WeakMap<Sheet, SheetView>();

  view(sheet: Sheet): SheetView {
    let v = this.views.get(sheet);
    if (!v) this.views.set(sheet, (v = new SheetView(sheet)));
    return v;
  }

  constructor(options: EngineOptions = {}) {
    this.layouts = options.reuseLayouts === false ? undefined : new LayoutCache();
    this.readings = options.reuseLayouts === false ? undefined : new ReadingMemo();
  }
}
