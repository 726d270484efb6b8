// Workbooks as .NET's Open XML SDK writes them (and one in Excel's Strict namespaces): every element of a part with a prefix (`<x:c>`),
// parts named freely and found through their relationships. Excel opens them; exceljs fails on
// them ("Cannot set properties of undefined"), so they were reported as damaged. The fast reader
// reads them as exceljs reads the same workbook written plainly, and the check says the same.
import { promises as fs } from 'fs';
import JSZip from 'jszip';
import * as os from 'os';
import * as path from 'path';
import { parseXlsxFast } from '../../src/cli/xlsx';
import { runCheck, runFill } from '../../src/cli/main';
import { parseWorkbookBuffer, parseXlsx } from '../../src/cli/read-xlsx';
import { XML, one } from './xlsx-packages';
import { buildXlsx } from '../fixtures/xlsx-builder';
import { scenarios } from '../fixtures/scenarios';

const SAMPLE = 'samples/sample-report.xlsx';
const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';

/** Every unprefixed element of a SpreadsheetML part given the prefix `x:`, its namespace declared for it. */
function prefixed(xml: string): string {
  return xml.replace(`xmlns="${MAIN}"`, `xmlns:x="${MAIN}"`).replace(/<(\/?)([A-Za-z][\w.-]*)(?=[\s/>])/g, '<$1x:$2');
}

/** The workbook rewritten as the Open XML SDK writes one: prefixed parts, sheets in `xl/worksheets/dataN.xml`, absolute targets. */
async function asOpenXmlSdk(buf: Buffer): Promise<Buffer> {
  const zip = await JSZip.loadAsync(buf);
  const out = new JSZip();
  for (const [name, file] of Object.entries(zip.files)) {
    if (file.dir) continue;
    let text = await file.async('string');
    const target = name.replace(/^xl\/worksheets\/(_rels\/)?sheet(\d+)\.xml/, 'xl/worksheets/$1data$2.xml');
    if (/^xl\/(workbook|sharedStrings|styles)\.xml$|^xl\/worksheets\/sheet\d+\.xml$/.test(name)) text = prefixed(text);
    text = text.replace(/Target="worksheets\/sheet(\d+)\.xml"/g, 'Target="/xl/worksheets/data$1.xml"').replace(/\/xl\/worksheets\/sheet(\d+)\.xml/g, '/xl/worksheets/data$1.xml');
    out.file(target, text);
  }
  return out.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}

describe('the sample report written as the Open XML SDK writes it', () => {
  let original: Buffer;
  let sdk: Buffer;
  beforeAll(async () => {
    original = await fs.readFile(SAMPLE);
    sdk = await asOpenXmlSdk(original);
  });

  test('exceljs cannot read it; the fast reader reads what exceljs reads of the original', async () => {
    const zip = await JSZip.loadAsync(sdk);
    expect(await zip.file('xl/worksheets/data1.xml')!.async('string')).toContain('<x:row r="1"');
    await expect(parseXlsx(sdk)).rejects.toThrow('corrupt');
    expect(parseXlsxFast(sdk)).toStrictEqual(await parseXlsx(original));
    expect(await parseWorkbookBuffer(sdk)).toStrictEqual(await parseXlsx(original));
  });

  test('`report-check check` reports it as it reports the original', async () => {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'rc-sdk-'));
    const report = async (buf: Buffer) => {
      const file = path.join(dir, 'отчёт.xlsx');
      await fs.writeFile(file, buf);
      let out = '';
      const code = await runCheck([file], { format: 'json', lang: 'ru', jobs: 1 }, (s) => (out += s));
      return { code, out };
    };
    const plain = await report(original);
    const written = await report(sdk);
    expect(written).toEqual(plain);
    expect(JSON.parse(written.out).files[0].tables.length).toBeGreaterThan(5);
  });

  test('`fill` says it can check the workbook but not rewrite it, and writes nothing', async () => {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'rc-sdk-'));
    const file = path.join(dir, 'отчёт.xlsx');
    const outFile = path.join(dir, 'заполнен.xlsx');
    await fs.writeFile(file, sdk);
    let err = '';
    const code = await runFill(file, { out: outFile, mode: 'formulas', lang: 'ru' }, () => undefined, (s) => (err += s));
    expect(code).toBe(2);
    expect(err).toBe(`${file}: книгу можно проверить, но не заполнить: она записана программой, чей формат не удаётся переписать без потерь (например, Open XML SDK). Откройте её в Excel, сохраните и повторите\n`);
    await expect(fs.stat(outFile)).rejects.toThrow();
  });
});

test.each(scenarios.map((s) => [s.name, s] as const))('fixture scenario %s written by the SDK: the grid exceljs reads from its plain copy', async (_name, s) => {
  const plain = await buildXlsx(s.sheets);
  expect(parseXlsxFast(await asOpenXmlSdk(plain))).toStrictEqual(await parseXlsx(plain));
});

test("the sample saved in Excel's Strict format (its namespaces): read fast, as the original is read", async () => {
  const zip = await JSZip.loadAsync(await fs.readFile(SAMPLE));
  const out = new JSZip();
  for (const [name, file] of Object.entries(zip.files)) {
    if (file.dir) continue;
    const text = await file.async('string');
    out.file(name, text.replaceAll(MAIN, 'http://purl.oclc.org/ooxml/spreadsheetml/main').replaceAll('http://schemas.openxmlformats.org/officeDocument/2006/relationships', 'http://purl.oclc.org/ooxml/officeDocument/relationships'));
  }
  const strict = await out.generateAsync({ type: 'nodebuffer' });
  expect(parseXlsxFast(strict)).toStrictEqual(await parseXlsx(await fs.readFile(SAMPLE)));
});

describe('a prefixed worksheet', () => {
  const sheet = (data: string) => `${XML}<x:worksheet xmlns:x="${MAIN}"><x:sheetData>${data}</x:sheetData><x:mergeCells count="1"><x:mergeCell ref="A3:B3"/></x:mergeCells></x:worksheet>`;

  test('is read cell for cell; a formula whose stored result is 0 or FALSE keeps it, as Excel shows it', async () => {
    const buf = await one(
      sheet(
        '<x:row r="1"><x:c r="A1" t="inlineStr"><x:is><x:t>Всего</x:t></x:is></x:c><x:c r="B1"><x:v>12</x:v></x:c><x:c r="C1"><x:f>B1-12</x:f><x:v>0</x:v></x:c></x:row>' +
          '<x:row r="2"><x:c r="A2" t="b"><x:f>B1&lt;0</x:f><x:v>0</x:v></x:c><x:c r="B2"><x:f>B1*2</x:f></x:c><x:c r="C2" t="str"><x:v>1 250</x:v></x:c></x:row>' +
          '<x:row r="3"><x:c r="A3" t="inlineStr"><x:is><x:t>объединено</x:t></x:is></x:c><x:c r="B3"><x:v>5</x:v></x:c></x:row>',
      ),
    );
    await expect(parseXlsx(buf)).rejects.toThrow('corrupt');
    const rows = (await parseWorkbookBuffer(buf)).sheets[0].rows;
    expect(rows[0]).toStrictEqual([{ value: 'Всего' }, { value: 12 }, { value: 0, formula: '=B1-12' }]);
    expect(rows[1]).toStrictEqual([{ value: false, formula: '=B1<0' }, { value: null, formula: '=B1*2', noResult: true }, { value: '1 250' }]);
    // The merge keeps its first cell only, as every read of the grid does.
    expect(rows[2]).toStrictEqual([{ value: 'объединено' }]);
  });

  test('a prefix declared for another namespace is no SpreadsheetML part: left to exceljs, which fails on it', async () => {
    const buf = await one(`${XML}<x:worksheet xmlns:x="urn:other"><x:sheetData/></x:worksheet>`);
    expect(() => parseXlsxFast(buf)).toThrow('root element');
    await expect(parseWorkbookBuffer(buf)).rejects.toThrow('corrupt');
  });
});

test('parts named freely and found through relationships: a relative sheet target, the string table under another name, a link', async () => {
  const REL_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
  const PKG = 'http://schemas.openxmlformats.org/package/2006/relationships';
  const zip = new JSZip();
  zip.file('[Content_Types].xml', `${XML}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/></Types>`);
  zip.file('_rels/.rels', `${XML}<Relationships xmlns="${PKG}"><Relationship Id="R1" Type="${REL_NS}/officeDocument" Target="/xl/workbook.xml"/></Relationships>`);
  zip.file('xl/workbook.xml', `${XML}<x:workbook xmlns:x="${MAIN}"><x:sheets><x:sheet name="Фонды" sheetId="1" r:id="Rs" xmlns:r="${REL_NS}"/></x:sheets></x:workbook>`);
  zip.file('xl/_rels/workbook.xml.rels', `${XML}<Relationships xmlns="${PKG}"><Relationship Id="Rs" Type="${REL_NS}/worksheet" Target="parts/../sheets/фонды.xml"/><Relationship Id="Rt" Type="${REL_NS}/sharedStrings" Target="/xl/strings.xml"/></Relationships>`);
  zip.file('xl/strings.xml', `${XML}<x:sst xmlns:x="${MAIN}"><x:si><x:t>Поступило</x:t></x:si><x:si><x:t>сайт</x:t></x:si></x:sst>`);
  zip.file('xl/sheets/фонды.xml', `${XML}<x:worksheet xmlns:x="${MAIN}"><x:sheetData><x:row r="1"><x:c r="A1" t="s"><x:v>0</x:v></x:c><x:c r="B1"><x:v>2286</x:v></x:c><x:c r="C1" t="s"><x:v>1</x:v></x:c></x:row></x:sheetData><x:hyperlinks><x:hyperlink ref="C1" r:id="Rh" xmlns:r="${REL_NS}"/></x:hyperlinks></x:worksheet>`);
  zip.file('xl/sheets/_rels/фонды.xml.rels', `${XML}<Relationships xmlns="${PKG}"><Relationship Id="Rh" Type="${REL_NS}/hyperlink" Target="https://example.org" TargetMode="External"/></Relationships>`);
  const buf = await zip.generateAsync({ type: 'nodebuffer' });
  await expect(parseXlsx(buf)).rejects.toThrow();
  const wb = parseXlsxFast(buf);
  expect(wb.sheets.map((s) => s.name)).toEqual(['Фонды']);
  expect(wb.sheets[0].rows[0]).toStrictEqual([{ value: 'Поступило' }, { value: 2286 }, { value: 'сайт' }]);
});
