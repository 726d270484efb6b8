// Offline manifest check (`npm run validate` needs the network): the manifest parses with
// office-addin-manifest, asks for ReadWriteDocument only, names real icons and built pages.
import fs from 'fs';
import path from 'path';
import { execFileSync } from 'child_process';
import { MIN_EXCEL_API } from '../../src/excel/office-host';

const ROOT = path.resolve(__dirname, '..', '..');
const xml = fs.readFileSync(path.join(ROOT, 'manifest.xml'), 'utf8');

function pngSize(file: string): [number, number] {
  const b = fs.readFileSync(file);
  expect(b.subarray(1, 4).toString('ascii')).toBe('PNG');
  return [b.readUInt32BE(16), b.readUInt32BE(20)];
}

/** Files the webpack build writes to dist/addin: its HTML pages and copied assets. */
async function builtFiles(): Promise<Set<string>> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const config = await require(path.join(ROOT, 'webpack.config.js'))({}, { mode: 'production' });
  const files = new Set<string>();
  for (const p of config.plugins) {
    if (p.userOptions?.filename) files.add(p.userOptions.filename);
    for (const pat of p.patterns ?? []) {
      if (pat.from === 'manifest.xml') files.add('manifest.xml');
      if (pat.from === 'assets/*.png') for (const f of fs.readdirSync(path.join(ROOT, 'assets'))) if (f.endsWith('.png')) files.add(`assets/${f}`);
    }
  }
  return files;
}

describe('manifest.xml', () => {
  it('parses and asks for no more than ReadWriteDocument in Excel', async () => {
    // office-addin-manifest pulls in ESM-only packages that jest cannot require: parse in Node.
    const script = `require('office-addin-manifest').OfficeAddinManifest.readManifestFile('manifest.xml').then((i) => console.log(JSON.stringify(i)))`;
    const info = JSON.parse(execFileSync(process.execPath, ['-e', script], { cwd: ROOT, encoding: 'utf8' }));
    expect(info.permissions).toBe('ReadWriteDocument');
    expect(info.hosts).toEqual(['Workbook']);
    expect(info.defaultLocale).toBe('ru-RU');
    expect(info.displayName).toBe('Проверка отчёта');
    expect(xml).toMatch(/<Override Locale="en-US" Value="Report Checker" \/>/);
    expect(xml.match(/<Permissions>/g)).toHaveLength(1);
    // The lowest set the code needs unconditionally, the same number the pane checks at start.
    expect(xml).toMatch(new RegExp(`<Set Name="ExcelApi" MinVersion="1\\.${MIN_EXCEL_API}" />`));
    expect(xml).toMatch(/<OfficeTab id="TabHome">/);
  });

  it('names only localhost:3000 URLs, each of them produced by the build', async () => {
    const urls = [...new Set(xml.match(/https:\/\/[^"<\s]+/g) ?? [])].filter((u) => u !== 'https://localhost:3000');
    expect(xml).toMatch(/<AppDomain>https:\/\/localhost:3000<\/AppDomain>/);
    const built = await builtFiles();
    for (const u of urls) {
      expect(u.startsWith('https://localhost:3000/')).toBe(true);
      expect([u, built.has(u.replace('https://localhost:3000/', ''))]).toEqual([u, true]);
    }
  });

  it('has 16, 32, 64 and 80 px PNG icons', () => {
    for (const size of [16, 32, 64, 80]) {
      expect(pngSize(path.join(ROOT, 'assets', `icon-${size}.png`))).toEqual([size, size]);
    }
  });
});

describe('add-in boundaries', () => {
  const files = (dir: string): string[] =>
    fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(path.join(dir, e.name)) : [path.join(dir, e.name)]));

  it('only src/excel touches the Office and Excel globals', () => {
    const pane = files(path.join(ROOT, 'src', 'taskpane')).filter((f) => /\.tsx?$/.test(f));
    for (const f of pane) {
      const code = fs.readFileSync(f, 'utf8').replace(/\/\/.*$/gm, '');
      expect([f, /\b(Office|Excel)\.[a-z]/.test(code)]).toEqual([f, false]);
    }
  });

  it('never sets HTML from strings in the pane', () => {
    for (const f of files(path.join(ROOT, 'src'))) {
      const code = fs.readFileSync(f, 'utf8');
      expect([f, /dangerouslySetInnerHTML|innerHTML\s*=|\beval\(/.test(code)]).toEqual([f, false]);
    }
  });
});
