// Writes a ZIP package with Node's zlib (deflate and CRC-32 in native code): the summary's parts
// are hundreds of megabytes of XML, which JSZip's JavaScript CRC and deflate took most of a minute on.
import * as zlib from 'zlib';

export interface ZipEntry {
  name: string;
  /** The bytes, whole or in parts (a sheet of a million rows is not copied into one buffer), or deflated already. */
  data: Buffer | Buffer[] | Deflated;
}

/** An entry's bytes deflated part by part (each ended by a sync flush), their CRC-32 and length: the final block is added when written. */
export interface Deflated {
  packed: Buffer[];
  crc: number;
  size: number;
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
 * A part of an entry deflated after the parts before it: a raw deflate stream ended by a sync flush
 * (no final block, byte-aligned), so that the parts' concatenation and one final empty block are
 * one stream. Level 1, as JSZip was asked for.
 */
export function deflatePart(into: Deflated, part: Buffer): void {
  into.packed.push(zlib.deflateRawSync(part, { level: 1, finishFlush: zlib.constants.Z_SYNC_FLUSH }));
  into.crc = crc32(part, into.crc);
  into.size += part.length;
}

function deflate(data: ZipEntry['data']): Deflated {
  if (!Buffer.isBuffer(data) && !Array.isArray(data)) return data;
  const out: Deflated = { packed: [], crc: 0, size: 0 };
  for (const p of Array.isArray(data) ? data : [data]) deflatePart(out, p);
  return out;
}

/** The final empty block that ends every entry's stream. */
const LAST = zlib.deflateRawSync(Buffer.alloc(0), { level: 1 });

/** The package: each entry deflated (level 1, as JSZip was asked for), DOS time 1980-01-01, no zip64. */
export function writeZip(entries: ZipEntry[]): Buffer {
  const parts: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name, 'utf8');
    const d = deflate(e.data);
    const { crc, size } = d;
    const packed = [...d.packed, LAST];
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
