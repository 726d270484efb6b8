// A file the user picks (last year's report, a municipal one), read in the pane by the reader the
// CLI uses (src/cli/xlsx), from its bytes: nothing leaves the machine. In the browser webpack gives
// that reader Buffer, zlib's inflateRawSync and path.posix (src/taskpane/node-shims).
import type { Workbook } from '../core';
import { parseXlsxFast } from '../cli/xlsx';

/** Why a picked file could not be read: the reader's ReadError codes, `unsupported` for what it leaves to exceljs. */
export class PickedFileError extends Error {
  constructor(
    readonly file: string,
    readonly code: string,
  ) {
    super(`${file}: ${code}`);
    this.name = 'PickedFileError';
  }
}

/** The file's bytes (FileReader: in every webview, and in jsdom). */
function bytesOf(file: Blob): Promise<ArrayBuffer> {
  return new Promise((resolve, reject) => {
    const r = new FileReader();
    r.onload = () => resolve(r.result as ArrayBuffer);
    r.onerror = () => reject(r.error ?? new Error('FileReader'));
    r.readAsArrayBuffer(file);
  });
}

/** The picked workbook's grid; a PickedFileError says why it could not be read. */
export async function readPickedFile(file: File): Promise<Workbook> {
  let bytes: ArrayBuffer;
  try {
    bytes = await bytesOf(file);
  } catch {
    throw new PickedFileError(file.name, 'unreadable');
  }
  if (!bytes.byteLength) throw new PickedFileError(file.name, 'empty-file');
  try {
    return parseXlsxFast(Buffer.from(bytes));
  } catch (e) {
    const code = e instanceof Error && e.name === 'ReadError' ? String((e as { code?: unknown }).code) : 'unsupported';
    throw new PickedFileError(file.name, code);
  }
}
