// Node's zlib in the browser: only inflateRawSync, the one call of the .xlsx reader's ZIP part
// (src/cli/xlsx/zip.ts), over pako (the inflater JSZip itself uses). Synchronous, as the reader is.
import { Buffer } from './shim-buffer';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { inflateRaw } = require('pako/lib/inflate') as { inflateRaw(data: Uint8Array): Uint8Array };

export function inflateRawSync(data: Uint8Array): Buffer {
  const out = inflateRaw(data);
  return Buffer.from(out.buffer as ArrayBuffer, out.byteOffset, out.byteLength);
}
