// The summary's package writer: entries in parts deflate to one stream that zip readers accept,
// with the CRC and sizes of the whole (checked with JSZip, which verifies the CRC, and with zlib).
import JSZip from 'jszip';
import { inflateRawSync } from 'zlib';
import { writeZip } from '../../src/cli/zip-write';

test('entries whole or in parts read back byte for byte', async () => {
  const parts = Array.from({ length: 5 }, (_, i) => Buffer.from(`<row r="${i}">${'Источники, сумма; '.repeat(5000 + i)}</row>`));
  const zipped = writeZip([
    { name: '[Content_Types].xml', data: Buffer.from('<Types/>') },
    { name: 'xl/worksheets/sheet1.xml', data: parts },
    { name: 'empty.xml', data: Buffer.alloc(0) },
  ]);
  const zip = await JSZip.loadAsync(zipped, { checkCRC32: true });
  expect(Object.keys(zip.files)).toEqual(['[Content_Types].xml', 'xl/worksheets/sheet1.xml', 'empty.xml']);
  // Buffer.equals: jest's deep equality walks a megabyte byte by byte.
  expect((await zip.file('xl/worksheets/sheet1.xml')!.async('nodebuffer')).equals(Buffer.concat(parts))).toBe(true);
  expect(await zip.file('[Content_Types].xml')!.async('string')).toBe('<Types/>');
  expect((await zip.file('empty.xml')!.async('nodebuffer')).length).toBe(0);
  // The parts' streams and the final block are one raw deflate stream.
  const start = zipped.indexOf('xl/worksheets/sheet1.xml') + 'xl/worksheets/sheet1.xml'.length;
  const size = zipped.readUInt32LE(zipped.indexOf('xl/worksheets/sheet1.xml') - 30 + 18);
  expect(inflateRawSync(zipped.subarray(start, start + size)).equals(Buffer.concat(parts))).toBe(true);
});
