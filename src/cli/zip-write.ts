// Writes a ZIP package with Node's zlib (deflate and CRC-32 in native code): the summary's parts
// are hundreds of megabytes of XML, which JSZip's JavaScript CRC and deflate took most of a minute on.
import * as zlib from 'zlib';

export interface ZipEntry {
  name: string;
  /** The bytes, whole or in parts (a sheet of a million rows is not copied into one buffer). */
  data: Buffer | Buffer[];
}

/** CRC-32 of `data`: zlib's own where Node has it (20.15 and later), else a table in JavaScript. */
const crc32: (data: Buffer, prev: number) => number =
  typeof (zlib as { crc32?: unknown }).crc32 === 'function'
    ? (data, prev) => (zlib as unknown as { crc32(d: Buffer, p: number): number }).crc32(data, prev)
    : tableCrc32;

let table: Int32Array | undefined;
function tableCrc32(data: Buffer, prev: number): number {
  if (!table) {
    table = new Int32Array(256);
    for (let n = 0; n < 256; n++) {
      let c = n;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      table[n] = c;
    }
  }
  let c = prev ^ -1;
  for (let i = 0; i < data.length; i++) c = table[(c ^ data[i]) & 0xff] ^ (c >>> 8);
  return (c ^ -1) >>> 0;
}

/**
 * An entry's parts deflated one by one: each a raw deflate stream ended by a sync flush (no final
 * block, byte-aligned), so that their concatenation and one final empty block are one stream.
 */
function deflate(data: Buffer | Buffer[]): { packed: Buffer[]; crc: number; size: number } {
  const parts = Array.isArray(data) ? data : [data];
  const packed: Buffer[] = [];
  let crc = 0;
  let size = 0;
  for (const p of parts) {
    packed.push(zlib.deflateRawSync(p, { level: 1, finishFlush: zlib.constants.Z_SYNC_FLUSH }));
    crc = crc32(p, crc);
    size += p.length;
  }
  packed.push(zlib.deflateRawSync(Buffer.alloc(0), { level: 1 }));
  return { packed, crc, size };
}

/** The package: each entry deflated (level 1, as JSZip was asked for), DOS time 1980-01-01, no zip64. */
export function writeZip(entries: ZipEntry[]): Buffer {
  const parts: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name, 'utf8');
    const { packed, crc, size } = deflate(e.data);
    if (size > 0xfffffffe || offset > 0xfffffffe) throw new Error('summary too large for a ZIP package without zip64');
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6); // names in UTF-8
    local.writeUInt16LE(8, 8);
    local.writeUInt16LE(0, 10);
    local.writeUInt16LE(0x21, 12);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(packed.reduce((a, b) => a + b.length, 0), 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(name.length, 26);
    const dir = Buffer.alloc(46);
    dir.writeUInt32LE(0x02014b50, 0);
    dir.writeUInt16LE(20, 4);
    local.copy(dir, 6, 4, 30);
    dir.writeUInt32LE(offset, 42);
    central.push(dir, name);
    parts.push(local, name, ...packed);
    offset += 30 + name.length + packed.reduce((a, b) => a + b.length, 0);
  }
  const dirSize = central.reduce((a, b) => a + b.length, 0);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(dirSize, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...parts, ...central, end]);
}
