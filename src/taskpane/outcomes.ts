// Sentences for what a host operation did, so the user knows exactly which cells changed.
import type { ApplyResult, CellRef, UndoResult } from './host';
import { fmt } from './i18n';
import type { Strings } from './i18n';
import { visible } from './visible-text';

export function cellList(cells: CellRef[]): string {
  return cells.map((c) => `${visible(c.sheet, 60)}!${c.address}`).join(', ');
}

export function describeApply(r: Exclude<ApplyResult, { ok: true }>, t: Strings): string {
  switch (r.reason) {
    case 'protected':
      return fmt(t.protectedSheets, { sheets: r.sheets.map((x) => visible(x, 60)).join('», «') });
    case 'stale':
    case 'nothing-to-write':
      return t.stale;
    case 'write-failed': {
      const head = fmt(t.writeFailed, { code: r.error.code, message: r.error.message });
      if (r.written.length === 0) return `${head} ${t.writtenNone}`;
      return `${head} ${fmt(r.uncertain ? t.writtenUncertain : t.writtenSome, { cells: cellList(r.written) })}`;
    }
  }
}

export function describeUndo(r: Exclude<UndoResult, { ok: true }>, t: Strings): string {
  switch (r.reason) {
    case 'protected':
      return fmt(t.undoProtected, { sheets: r.sheets.join('», «') });
    case 'changed':
      return fmt(t.undoChanged, { cells: cellList(r.cells) });
    case 'write-failed':
      return fmt(t.writeFailed, { code: r.error.code, message: r.error.message });
  }
}

export function describeError(e: unknown, t: Strings): string {
  const code = e && typeof e === 'object' && 'code' in e && typeof e.code === 'string' ? e.code : 'Error';
  const message = e instanceof Error ? e.message : String(e);
  return fmt(t.hostError, { code, message: visible(message, 400) });
}
