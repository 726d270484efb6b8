// Packages as other writers make them, read by the fast reader itself (not left to exceljs): exceljs's
// streaming writer, XlsxWriter's shapes, openpyxl's formulas without results (in linear time) and
// character references, zip64 containers, cells and rows without `r`, hyperlinks on emptied cells. Where exceljs cannot read a package at all (a row without r, a row's first cell
// without r), the fast reader reads it as if every cell had its address, as the spec and Excel do.
// Dates stored as ISO text (t="d") are dates in both readers and stay dates in a filled copy.
import ExcelJS from 'exceljs';
import { promises as fs } from 'fs';
import JSZip from 'jszip';
import * as os from 'os';
import * as path from 'path';
import { runFill } from '../../src/cli/main';
import { PassThrough } from 'stream';
import { parseXlsxFast } from '../../src/cli/xlsx';
import { parseWorkbookBuffer, parseXlsx } from '../../src/cli/read-xlsx';
import { cachedValuesIn } from '../../src/cli/raw-results';
import { REL, XML, leftToExcelJS, one, pkg, same, sst, styles, ws } from './xlsx-packages';

describe("exceljs's streaming writer", () => {
  async function streamed(useSharedStrings: boolean): Promise<Buffer> {
    const out = new PassThrough();
    const chunks: Buffer[] = [];
    out.on('data', (c: Buffer) => chunks.push(c));
    const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useSharedStrings, useStyles: true });
    const s = wb.addWorksheet('Фонд', { views: [{ state: 'frozen', xSplit: 1, ySplit: 1 }] });
    s.columns = [{ width: 30 }, { width: 12 }, { width: 12 }];
    s.addRow(['Показатель', 2022, 2023]).commit();
    s.addRow(['Поступило & <выбыло>', 6148, 0]).commit();
    const r = s.addRow(['Итого', { formula: 'B2*2', result: 12296 }, { formula: 'C2*2', result: 0 }]);
    r.getCell(4).value = { formula: 'A1&"!"', result: 'Показатель!' } as ExcelJS.CellFormulaValue;
    r.getCell(5).value = true;
    r.getCell(6).value = { error: '#DIV/0!' } as ExcelJS.CellErrorValue;
    r.getCell(7).value = new Date(Date.UTC(2023, 11, 31));
    r.getCell(8).value = 0.25;
    r.getCell(8).numFmt = '0.0%';
    r.getCell(9).value = { richText: [{ text: 'Жирный ', font: { bold: true } }, { text: 'текст' }] };
    r.getCell(10).value = { text: 'ссылка', hyperlink: 'https://example.org/?a=1&b=2' };
    r.getCell(11).value = '  пробелы  ';
    r.getCell(11).note = 'примечание';
    r.commit();
    const merged = s.addRow(['объединено']);
    s.mergeCells('A4:C4');
    merged.commit();
    for (let i = 0; i < 30; i++) s.addRow([`строка ${i}`, i, i * 1.5, { formula: `B${5 + i}+C${5 + i}`, result: i * 2.5 }]).commit();
    s.commit();
    const hidden = wb.addWorksheet('Скрытый', { state: 'hidden' });
    hidden.addRow(['скрыто', 1]).commit();
    hidden.commit();
    await wb.commit();
    return Buffer.concat(chunks);
  }

  test.each([true, false])('useSharedStrings %s, useStyles: read fast, equal to exceljs', async (useSharedStrings) => {
    const wb = await same(await streamed(useSharedStrings));
    expect(wb.sheets.map((s) => s.name)).toEqual(['Фонд', 'Скрытый']);
    expect(wb.sheets[0].rows[2]?.[1]).toStrictEqual({ value: 12296, formula: '=B2*2' });
  });
});

test('XlsxWriter shapes: array and dynamic-array formulas (cm), results written as 30.0, empty cached results', async () => {
  const xml = ws(
    '<row r="1" spans="1:4"><c r="A1" s="1" t="s"><v>0</v></c><c r="B1"><v>12</v></c><c r="C1"><v>18</v></c><c r="D1"><f>B1+C1</f><v>30.0</v></c></row>' +
      '<row r="2" spans="1:4"><c r="B2"><f t="array" ref="B2">SUM(B1:C1*2)</f><v>60</v></c><c r="C2" cm="1"><f t="array" ref="C2">LEN(A1)</f><v>10</v></c><c r="D2"><f>SUM(B1:C1)</f><v></v></c></row>' +
      '<row r="3" spans="1:4"><c r="A3" t="b"><f>B1&gt;0</f><v>1</v></c><c r="B3" t="e"><f>1/0</f><v>#DIV/0!</v></c><c r="C3" t="str"><f>A1&amp;"!"</f><v>Показатель!</v></c></row>',
  );
  await same(await one(xml, { sst: sst('<si><t>Показатель</t></si>'), styles: styles([], [undefined, undefined]) }));
});

describe('openpyxl: every formula without a cached result, no self-closing tag in the sheet', () => {
  // Each such formula is looked up in the raw XML for a dropped result; the lookup once searched for the
  // next '/>', i.e. to the end of such a sheet: quadratic (15 000 formulas took ~8 s, a million cells
  // minutes; now 0.1 s). Speed is the bench's to measure, not a test's: these check the results.
  const rows = 15_000;
  let data = '';
  for (let i = 1; i <= rows; i++) data += `<row r="${i}"><c r="A${i}" t="n"><v>${i}</v></c><c r="B${i}"><f>A${i}*2</f><v></v></c></row>`;
  const xml = ws(data);

  test('the fast reader reads them, equal to exceljs', async () => {
    const buf = await one(xml);
    const fast = parseXlsxFast(buf);
    expect(fast.sheets[0].rows[rows - 1]?.[1]).toStrictEqual({ value: '', formula: `=A${rows}*2` });
    expect(fast).toStrictEqual(await parseXlsx(buf));
  }, 30_000);

  test("parseXlsx's lookup of dropped results (cachedValuesIn) too", () => {
    const wanted = new Set(Array.from({ length: rows }, (_, i) => `B${i + 1}`));
    const found = cachedValuesIn(xml, wanted);
    expect(found.size).toBe(rows);
  }, 30_000);
});

test('character references as openpyxl writes Cyrillic, in every spelling; malformed ones left to exceljs', async () => {
  const cell = (t: string) => one(ws(`<row r="1"><c r="A1" t="inlineStr"><is><t>${t}</t></is></c><c r="B1" t="str"><v>${t}</v></c></row>`));
  const wb = await same(await cell('&#1041;&#1080;&#x431;&#x43B; &#x4Ab;&#0065;&#x1F600;'));
  expect(wb.sheets[0].rows[0]?.[0]?.value).toBe('Библ ҫA😀');
  for (const bad of ['&#X41;', '&#;', '&#x;', '&#12a;', '&#xG1;', '&#0;', '&#xD800;']) await leftToExcelJS(await cell(bad));
});

/** The package with a zip64 end of central directory, and (when `full`) zip64 fields in every central directory entry. */
function toZip64(buf: Buffer, full: boolean): Buffer {
  const eocd = buf.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  const count = buf.readUInt16LE(eocd + 10);
  const cdOffset = buf.readUInt32LE(eocd + 16);
  const entries: Buffer[] = [];
  for (let p = cdOffset, n = 0; n < count; n++) {
    const end = p + 46 + buf.readUInt16LE(p + 28) + buf.readUInt16LE(p + 30) + buf.readUInt16LE(p + 32);
    const e = Buffer.from(buf.subarray(p, end));
    if (full) {
      // Sizes and offset moved to a zip64 extra field (id 1: uncompressed, compressed, local header offset).
      const extra = Buffer.alloc(28);
      extra.writeUInt16LE(1, 0);
      extra.writeUInt16LE(24, 2);
      extra.writeBigUInt64LE(BigInt(e.readUInt32LE(24)), 4);
      extra.writeBigUInt64LE(BigInt(e.readUInt32LE(20)), 12);
      extra.writeBigUInt64LE(BigInt(e.readUInt32LE(42)), 20);
      for (const at of [20, 24, 42]) e.writeUInt32LE(0xffffffff, at);
      const nameEnd = 46 + e.readUInt16LE(28);
      const extraEnd = nameEnd + e.readUInt16LE(30);
      e.writeUInt16LE(e.readUInt16LE(30) + 28, 30);
      entries.push(Buffer.concat([e.subarray(0, extraEnd), extra, e.subarray(extraEnd)]));
    } else entries.push(e);
    p = end;
  }
  const cd = Buffer.concat(entries);
  const record = Buffer.alloc(56 + 20 + 22);
  record.writeUInt32LE(0x06064b50, 0);
  record.writeBigUInt64LE(44n, 4);
  record.writeUInt16LE(45, 12);
  record.writeUInt16LE(45, 14);
  record.writeBigUInt64LE(BigInt(count), 24);
  record.writeBigUInt64LE(BigInt(count), 32);
  record.writeBigUInt64LE(BigInt(cd.length), 40);
  record.writeBigUInt64LE(BigInt(cdOffset), 48);
  record.writeUInt32LE(0x07064b50, 56);
  record.writeBigUInt64LE(BigInt(cdOffset + cd.length), 64);
  record.writeUInt32LE(1, 72);
  record.writeUInt32LE(0x06054b50, 76);
  // The classic end record: full fields send readers to the zip64 record; otherwise it holds the figures itself.
  record.writeUInt16LE(full ? 0xffff : count, 84);
  record.writeUInt16LE(full ? 0xffff : count, 86);
  record.writeUInt32LE(full ? 0xffffffff : cd.length, 88);
  record.writeUInt32LE(full ? 0xffffffff : cdOffset, 92);
  return Buffer.concat([buf.subarray(0, cdOffset), cd, record]);
}

describe('zip64 containers (some zip libraries, a miniz wrapper among them, write them for small files too)', () => {
  const plain = () => one(ws('<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1"><v>215467</v></c></row>'), { sst: sst('<si><t>Фонд</t></si>') });

  test('zip64 fields throughout: read fast, equal to exceljs', async () => {
    const wb = await same(toZip64(await plain(), true));
    expect(wb.sheets[0].rows[0]).toStrictEqual([{ value: 'Фонд' }, { value: 215467 }]);
  });

  test('a zip64 end record beside a complete classic one: read fast (JSZip takes the record for data prepended to the zip and fails)', async () => {
    const buf = await plain();
    const zip64 = toZip64(buf, false);
    await expect(parseXlsx(zip64)).rejects.toThrow(/corrupt/i);
    expect(parseXlsxFast(zip64)).toStrictEqual(await parseXlsx(buf));
  });
});

describe('cells and rows without r', () => {
  const strings = sst('<si><t>Поступило</t></si>');
  const linkRels = `${XML}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rIdL" Type="${REL}/hyperlink" Target="https://example.org" TargetMode="External"/></Relationships>`;
  /** A sheet with every cell's r (and every row's) given, or left out where `drop` says. */
  function sheet(drop: (tag: string) => boolean): string {
    const rows = [
      '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1"><v>6148</v></c><c r="C1"><v>8847</v></c></row>',
      '<row r="2"><c r="A2" t="inlineStr"><is><t>Итого</t></is></c><c r="B2"><f t="shared" ref="B2:C2" si="0">B1*2</f><v>12296</v></c><c r="C2"><f t="shared" si="0"/><v>17694</v></c></row>',
      '<row r="4"><c r="A4"><v>5</v></c><c r="B4"><f>B1-6148</f><v>0</v></c><c r="C4" t="b"><v>1</v></c></row>',
      '<row r="5"><c r="A5"><v>1</v></c></row>',
    ];
    const data = rows.join('').replace(/<(row|c) r="([A-Z0-9]+)"/g, (tag, name: string) => (drop(tag) ? `<${name}` : tag));
    return ws(data, '<hyperlinks><hyperlink ref="A4" r:id="rIdL"/></hyperlinks>');
  }
  const build = (drop: (tag: string) => boolean) => pkg({ sheets: [{ name: 'Лист1', xml: sheet(drop), rels: linkRels }], sst: strings });

  test('none at all (row 4, after a gap, aside): read as if each had its address; exceljs fails on the file', async () => {
    const withR = await parseXlsx(await build(() => false));
    const bare = await build((tag) => tag !== '<row r="4"');
    expect(bare.toString('latin1')).not.toContain('<c r=');
    await expect(parseXlsx(bare)).rejects.toThrow();
    const wb = parseXlsxFast(bare);
    expect(wb).toStrictEqual(withR);
    expect(await parseWorkbookBuffer(bare)).toStrictEqual(withR);
    expect(wb.sheets[0].rows[1]?.[2]).toStrictEqual({ value: 17694, formula: '=C1*2' });
    expect(wb.sheets[0].rows[3]).toStrictEqual([{ value: '5' }, { value: 0, formula: '=B1-6148' }, { value: true }]);
  });

  test("a row's later cells without r (exceljs reads these): the next column, as exceljs places them", async () => {
    // All but the first cell of each row. The result 0 of B4 is kept here; parseXlsx finds dropped results by r only.
    const buf = await build((tag) => tag.startsWith('<c') && !/r="A/.test(tag));
    expect(parseXlsxFast(buf)).toStrictEqual(await parseXlsx(await build(() => false)));
    const slow = await parseXlsx(buf);
    expect(slow.sheets[0].rows[3]?.[1]).toStrictEqual({ value: null, formula: '=B1-6148', noResult: true });
  });

  test('an unstyled empty <c/> takes its column, as the spec has it (exceljs does not count it)', async () => {
    const buf = await one(ws('<row r="1"><c r="A1"><v>1</v></c><c/><c><v>2</v></c></row>'));
    expect(JSON.stringify(parseXlsxFast(buf).sheets[0].rows)).toBe('[[{"value":1},null,{"value":2}]]');
    expect(JSON.stringify((await parseXlsx(buf)).sheets[0].rows)).toBe('[[{"value":1},{"value":2}]]');
  });

  test('later cells without r, without a dropped result: equal to exceljs', async () => {
    await same(await one(ws('<row r="3"><c r="B3" t="s"><v>0</v></c><c><v>7</v></c><c t="str"><f>B3&amp;"!"</f><v>Поступило!</v></c><c s="1"/><c t="b"><v>0</v></c></row>'), { sst: strings, styles: styles([], [undefined, undefined]) }));
  });
});

describe('a hyperlink on a cell without a value (Excel keeps it when the text is deleted)', () => {
  const rels = `${XML}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/hyperlink" Target="https://example.org" TargetMode="External"/></Relationships>`;
  const links = (...refs: string[]) => `<hyperlinks>${refs.map((r) => `<hyperlink ref="${r}" r:id="rId1"/>`).join('')}</hyperlinks>`;

  test('is an empty cell, not "undefined", in both readers; its row is still reported', async () => {
    const xml = ws(
      '<row r="1"><c r="A1" s="1"/><c r="B1"><v>1</v></c></row><row r="2"><c r="A2"/></row><row r="3"><c r="A3"><f>B1*0</f></c><c r="B3"><v>2</v></c></row>',
      links('A1', 'A2', 'A3'),
    );
    const wb = await same(await pkg({ sheets: [{ name: 'Л', xml, rels }], styles: styles([], [undefined, undefined]) }));
    expect(JSON.stringify(wb.sheets[0].rows)).toBe('[[null,{"value":1}],[],[null,{"value":2}]]');
  });

  test('replaces an earlier cell of the same address', async () => {
    const xml = ws('<row r="1"><c r="A1"><v>5</v></c></row><row r="1"><c r="B1"><v>6</v></c><c r="A1"/></row>', links('A1'));
    await same(await pkg({ sheets: [{ name: 'Л', xml, rels }] }));
  });
});

describe('dates stored as ISO text (t="d", as Excel\'s Strict format writes them)', () => {
  const data =
    '<row r="1"><c r="A1" t="d"><v>2024-01-01T00:00:00</v></c><c r="B1" s="1" t="d"><v>2023-12-31</v></c><c r="C1" t="d"><f>B1+1</f><v>2024-01-01T00:00:00Z</v></c></row>' +
    '<row r="2"><c r="A2" t="d"><v>2023-02-30</v></c><c r="B2" t="d"><v>5</v></c><c r="C2" t="d" s="1"><v>2024-06-15T12:30:00.000+03:00</v></c><c r=\'D2\' t=\'d\'><v>2024-03-08</v></c></row>';

  test('are dates in both readers (exceljs alone reads 2024-01-01 as 2024); what is no date stays as exceljs reads it', async () => {
    const wb = await same(await one(ws(data), { styles: styles([[164, 'dd.mm.yyyy']], [undefined, 164]) }));
    expect(wb.sheets[0].rows[0]).toStrictEqual([{ value: '01.01.2024' }, { value: '31.12.2023', numberFormat: 'dd.mm.yyyy' }, { value: '01.01.2024', formula: '=B1+1' }]);
    expect(wb.sheets[0].rows[1]).toStrictEqual([{ value: 2023 }, { value: 5 }, { value: '15.06.2024', numberFormat: 'dd.mm.yyyy' }, { value: '08.03.2024' }]);
  });

  test('a filled copy keeps them as dates (Excel\'s day numbers), where exceljs alone writes 2024', async () => {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'rc-isodate-'));
    const zip = await JSZip.loadAsync(await fs.readFile('samples/sample-report.xlsx'));
    const part = 'xl/worksheets/sheet1.xml';
    const xml = await zip.file(part)!.async('string');
    // A date beside the first table, in a row of its own far below.
    zip.file(part, xml.replace('</sheetData>', '<row r="200"><c r="A200" t="d"><v>2024-01-01T00:00:00</v></c></row></sheetData>'));
    const input = path.join(dir, 'отчёт.xlsx');
    const output = path.join(dir, 'заполнен.xlsx');
    await fs.writeFile(input, await zip.generateAsync({ type: 'nodebuffer' }));
    expect(await runFill(input, { out: output, mode: 'formulas', lang: 'ru' }, () => undefined, () => undefined)).toBe(0);
    const written = await (await JSZip.loadAsync(await fs.readFile(output))).file(part)!.async('string');
    expect(/<c r="A200"[^>]*><v>([^<]*)<\/v>/.exec(written)?.[1]).toBe('45292');
    // exceljs gives a date without a format its default date format (built-in 14, shown in the user's locale).
    expect((await parseXlsx(await fs.readFile(output))).sheets[0].rows[199]).toStrictEqual([{ value: '01.01.2024', numberFormat: 'mm-dd-yy' }]);
  });
});
