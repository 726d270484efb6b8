// A small ZIP reader over Node's zlib: the central directory (zip64 included), and each entry's
// bytes inflated on demand. What exceljs's JSZip would refuse is a ReadError or left to exceljs.
import { inflateRawSync } from 'zlib';
import { ReadError } from '../read-errors';
import { unsupported } from './unsupported';

interface ZipEntry {
  flags: number;
  method: number;
  compressedSize: number;
  localOffset: number;
}

const EOCD = Buffer.from([0x50, 0x4b, 0x05, 0x06]);

export class Zip {
  readonly entries = new Map<string, ZipEntry>();

  constructor(private readonly buf: Buffer) {
    // End of central directory: the last signature in the file, as JSZip looks for it (a truncated file has none).
    const eocd = buf.lastIndexOf(EOCD);
    if (eocd < 0) throw new ReadError('corrupt', 'end of central directory not found');
    if (eocd + 22 > buf.length) unsupported('end of central directory');
    let count = buf.readUInt16LE(eocd + 10);
    let offset = buf.readUInt32LE(eocd + 16);
    // Zip64 (some zip libraries write it for small files too): as JSZip, the zip64 end record (found
    // through the locator just before the end record) is read when a field of the end record is full.
    if (count === 0xffff || offset === 0xffffffff || buf.readUInt32LE(eocd + 12) === 0xffffffff || buf.readUInt16LE(eocd + 4) === 0xffff || buf.readUInt16LE(eocd + 6) === 0xffff || buf.readUInt16LE(eocd + 8) === 0xffff) {
      if (eocd < 20 || buf.readUInt32LE(eocd - 20) !== 0x07064b50) unsupported('zip64 without its locator');
      const z = u64(buf, eocd - 12);
      if (z + 56 > buf.length || buf.readUInt32LE(z) !== 0x06064b50) unsupported('zip64 end of central directory');
      count = u64(buf, z + 32);
      offset = u64(buf, z + 48);
    }
    let p = offset;
    for (let n = 0; n < count; n++) {
      if (p + 46 > buf.length || buf.readUInt32LE(p) !== 0x02014b50) unsupported('central directory');
      const flags = buf.readUInt16LE(p + 8);
      const nameLength = buf.readUInt16LE(p + 28);
      const end = p + 46 + nameLength + buf.readUInt16LE(p + 30) + buf.readUInt16LE(p + 32);
      if (end > buf.length) unsupported('central directory');
      let name = buf.toString(flags & 0x800 ? 'utf8' : 'latin1', p + 46, p + 46 + nameLength);
      // exceljs drops a leading slash from entry names.
      if (name.startsWith('/')) name = name.slice(1);
      let compressedSize = buf.readUInt32LE(p + 20);
      let localOffset = buf.readUInt32LE(p + 42);
      if (compressedSize === 0xffffffff || localOffset === 0xffffffff) {
        // Zip64 extra field (id 1): the 8-byte values of the fields set to 0xffffffff, in this order.
        const sizes = zip64Extra(buf, p + 46 + nameLength, p + 46 + nameLength + buf.readUInt16LE(p + 30));
        let k = buf.readUInt32LE(p + 24) === 0xffffffff ? 8 : 0;
        if (compressedSize === 0xffffffff) {
          compressedSize = u64(buf, sizes + k);
          k += 8;
        }
        if (localOffset === 0xffffffff) localOffset = u64(buf, sizes + k);
      }
      this.entries.set(name, { flags, method: buf.readUInt16LE(p + 10), compressedSize, localOffset });
      p = end;
    }
  }

  has(name: string): boolean {
    return this.entries.has(name);
  }

  /** The entry's text (UTF-8), or undefined when there is no such entry. */
  text(name: string): string | undefined {
    const e = this.entries.get(name);
    if (!e) return undefined;
    const buf = this.buf;
    const p = e.localOffset;
    if (e.flags & 1) unsupported('encrypted entry');
    if (p + 30 > buf.length || buf.readUInt32LE(p) !== 0x04034b50) unsupported('local header');
    const start = p + 30 + buf.readUInt16LE(p + 26) + buf.readUInt16LE(p + 28);
    const end = start + e.compressedSize;
    if (end > buf.length) unsupported('entry data past the end');
    let data: Buffer;
    if (e.method === 0) data = buf.subarray(start, end);
    else if (e.method === 8) {
      try {
        data = inflateRawSync(buf.subarray(start, end));
      } catch {
        return unsupported('inflate');
      }
    } else return unsupported(`compression method ${e.method}`);
    const s = data.toString('utf8');
    return s.charCodeAt(0) === 0xfeff ? s.slice(1) : s;
  }
}

/** An 8-byte little-endian length or offset (exact below 2^53, far beyond any buffer). */
function u64(buf: Buffer, at: number): number {
  if (at < 0 || at + 8 > buf.length) unsupported('zip64 field');
  return buf.readUInt32LE(at) + buf.readUInt32LE(at + 4) * 0x100000000;
}

/** Where the data of the zip64 extra field (header id 1) starts in an entry's extra fields. */
function zip64Extra(buf: Buffer, from: number, to: number): number {
  for (let q = from; q + 4 <= to; q += 4 + buf.readUInt16LE(q + 2)) if (buf.readUInt16LE(q) === 1) return q + 4;
  return unsupported('zip64 extra field');
}

