// `fill` writes its copy with exceljs, which drops charts, shapes, macros and the like: it names
// them and writes the copy only when asked (`--without-objects`), saying what the copy lacks.
import ExcelJS from 'exceljs';
import { promises as fs } from 'fs';
import JSZip from 'jszip';
import * as os from 'os';
import * as path from 'path';
import { runFill } from '../../src/cli/main';
import { objectsLost } from '../../src/cli/objects-lost';

const SAMPLE = 'samples/sample-report.xlsx';
const R = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PKG = 'http://schemas.openxmlformats.org/package/2006/relationships';
const XDR = 'xmlns:xdr="http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"';

const anchor = (row: number, inner: string) =>
  `<xdr:twoCellAnchor><xdr:from><xdr:col>14</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>${row}</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:from><xdr:to><xdr:col>20</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>${row + 10}</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:to>${inner}<xdr:clientData/></xdr:twoCellAnchor>`;
const chartFrame = `<xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="2" name="Диаграмма 1"/><xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr><xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm><a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/chart"><c:chart xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" r:id="rIdC1"/></a:graphicData></a:graphic></xdr:graphicFrame>`;
const textBox = (id: number) => `<xdr:sp macro="" textlink=""><xdr:nvSpPr><xdr:cNvPr id="${id}" name="Надпись ${id}"/><xdr:cNvSpPr txBox="1"/></xdr:nvSpPr><xdr:spPr/><xdr:txBody><a:bodyPr/><a:p><a:r><a:t>Пояснение</a:t></a:r></a:p></xdr:txBody></xdr:sp>`;
const group = `<xdr:grpSp><xdr:nvGrpSpPr><xdr:cNvPr id="9" name="Группа"/><xdr:cNvGrpSpPr/></xdr:nvGrpSpPr><xdr:grpSpPr/>${textBox(10)}${textBox(11)}</xdr:grpSp>`;

/** Excel 2010's sheet extensions: a validation list read from another sheet, and two sparklines. */
const EXT =
  '<extLst><ext uri="{CCE6A557-97BC-4b89-ADB6-D9C93CAAB3DF}" xmlns:x14="http://schemas.microsoft.com/office/spreadsheetml/2009/9/main"><x14:dataValidations count="1" xmlns:xm="http://schemas.microsoft.com/office/excel/2006/main"><x14:dataValidation type="list" allowBlank="1"><x14:formula1><xm:f>Штаты!$A$1:$A$3</xm:f></x14:formula1><xm:sqref>B2</xm:sqref></x14:dataValidation></x14:dataValidations></ext>' +
  '<ext uri="{05C60535-1F16-4fd2-B633-F4F36F0B64E0}" xmlns:x14="http://schemas.microsoft.com/office/spreadsheetml/2009/9/main"><x14:sparklineGroups xmlns:xm="http://schemas.microsoft.com/office/excel/2006/main"><x14:sparklineGroup><x14:sparklines><x14:sparkline><xm:f>B5:E5</xm:f><xm:sqref>F5</xm:sqref></x14:sparkline><x14:sparkline><xm:f>B6:E6</xm:f><xm:sqref>F6</xm:sqref></x14:sparkline></x14:sparklines></x14:sparklineGroup></x14:sparklineGroups></ext></extLst>';

/** The sample with a chart, a text box, a group of two text boxes, Excel 2010's extensions on its first sheet, a data connection and a VBA project. */
async function withObjects(): Promise<Buffer> {
  const zip = await JSZip.loadAsync(await fs.readFile(SAMPLE));
  const sheet = 'xl/worksheets/sheet1.xml';
  zip.file(sheet, (await zip.file(sheet)!.async('string')).replace('</worksheet>', `<drawing r:id="rIdD1"/>${EXT}</worksheet>`));
  zip.file('xl/worksheets/_rels/sheet1.xml.rels', `<?xml version="1.0"?><Relationships xmlns="${PKG}"><Relationship Id="rIdD1" Type="${R}/drawing" Target="../drawings/drawing1.xml"/></Relationships>`);
  zip.file('xl/drawings/drawing1.xml', `<?xml version="1.0"?><xdr:wsDr ${XDR} xmlns:r="${R}">${anchor(1, chartFrame)}${anchor(12, textBox(3))}${anchor(24, group)}</xdr:wsDr>`);
  zip.file('xl/drawings/_rels/drawing1.xml.rels', `<?xml version="1.0"?><Relationships xmlns="${PKG}"><Relationship Id="rIdC1" Type="${R}/chart" Target="../charts/chart1.xml"/></Relationships>`);
  zip.file('xl/charts/chart1.xml', '<?xml version="1.0"?><c:chartSpace xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart"><c:chart><c:plotArea><c:layout/></c:plotArea></c:chart></c:chartSpace>');
  zip.file('xl/vbaProject.bin', Buffer.from('VBA'));
  zip.file('xl/connections.xml', '<?xml version="1.0"?><connections xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><connection id="1" name="Запрос" type="5" refreshedVersion="6"/></connections>');
  const types = await zip.file('[Content_Types].xml')!.async('string');
  zip.file('[Content_Types].xml', types.replace('</Types>', '<Override PartName="/xl/drawings/drawing1.xml" ContentType="application/vnd.openxmlformats-officedocument.drawing+xml"/><Override PartName="/xl/charts/chart1.xml" ContentType="application/vnd.openxmlformats-officedocument.drawingml.chart+xml"/></Types>'));
  return zip.generateAsync({ type: 'nodebuffer' });
}

async function fill(buf: Buffer, withoutObjects?: boolean) {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'rc-objects-'));
  const input = path.join(dir, 'отчёт.xlsx');
  const output = path.join(dir, 'заполнен.xlsx');
  await fs.writeFile(input, buf);
  let out = '';
  let err = '';
  const code = await runFill(input, { out: output, mode: 'formulas', lang: 'ru', withoutObjects }, (s) => (out += s), (s) => (err += s));
  const written = await fs.readFile(output).catch(() => undefined);
  return { code, out, err, input, written };
}

test('the objects are named: charts, shapes (a group counts once), sparklines, validations reading another sheet, macros', async () => {
  expect(await objectsLost(await withObjects())).toEqual([
    { kind: 'charts', count: 1 },
    { kind: 'shapes', count: 2 },
    { kind: 'sparklines', count: 2 },
    { kind: 'validations', count: 1 },
    { kind: 'connections', count: 1 },
    { kind: 'macros', count: 1 },
  ]);
});

test('`fill` names what the copy would lose and writes nothing', async () => {
  const r = await fill(await withObjects());
  expect(r.code).toBe(2);
  expect(r.written).toBeUndefined();
  expect(r.err).toBe(
    `${r.input}: в книге есть то, чего заполненная копия не сохранит: диаграммы: 1, фигуры и надписи: 2, спарклайны: 2, проверки данных по спискам с других листов: 1, подключения к внешним данным: 1, макросы (VBA). ` +
      'Заполните книгу в Excel из панели «Проверка отчёта» (там ничего не теряется) или повторите команду с --without-objects, чтобы записать копию без этого\n',
  );
});

test('with --without-objects it writes the filled copy and says what the copy is without', async () => {
  const r = await fill(await withObjects(), true);
  expect(r.code).toBe(0);
  expect(r.out.split('\n').slice(0, 2)).toEqual([expect.stringMatching(/^Заполнено ячеек: \d+\. Записано в /), 'Копия записана без: диаграммы: 1, фигуры и надписи: 2, спарклайны: 2, проверки данных по спискам с других листов: 1, подключения к внешним данным: 1, макросы (VBA)']);
  const names = Object.keys((await JSZip.loadAsync(r.written!)).files);
  expect(names.filter((n) => /chart|drawing|vba/i.test(n))).toEqual([]);
});

test('pictures, notes, validations of the sheet itself and the sample lose nothing: the copy is written as before', async () => {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load((await fs.readFile(SAMPLE)) as unknown as ArrayBuffer);
  const png = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex');
  wb.worksheets[0].addImage(wb.addImage({ buffer: png, extension: 'png' } as unknown as ExcelJS.Image), 'O2:R8');
  wb.worksheets[0].getCell('O1').note = 'примечание';
  wb.worksheets[0].getCell('P1').dataValidation = { type: 'list', allowBlank: true, formulae: ['"да,нет"'] };
  const buf = Buffer.from(await wb.xlsx.writeBuffer());
  expect(await objectsLost(buf)).toEqual([]);
  expect(await objectsLost(await fs.readFile(SAMPLE))).toEqual([]);
  const r = await fill(buf);
  expect(r.code).toBe(0);
  expect(r.out).not.toContain('Копия записана без');
});
