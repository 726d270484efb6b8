// What the fast reader leaves to exceljs: the error it throws, and the one way it throws it.

/** A construct the fast reader leaves to exceljs (XML comments, invalid names, odd markup…). */
export class FastXlsxUnsupported extends Error {
  constructor(what: string) {
    super(`fast xlsx reader: ${what}`);
    this.name = 'FastXlsxUnsupported';
  }
}

export const unsupported = (what: string): never => {
  throw new FastXlsxUnsupported(what);
};
