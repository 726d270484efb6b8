// A localhost-only static server for the browser build of the Excel double: serves dist/fake and
// the workbook as JSON (loaded from .xlsx in Node with exceljs). Used by `npm run demo` and the e2e test.
import http from 'http';
import fs from 'fs';
import path from 'path';
import type { AddressInfo } from 'net';
import { modelToJson } from '../test/excel-fake/build';
import type { FakeModel } from '../test/excel-fake/model';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.png': 'image/png',
  '.map': 'application/json',
};

export interface DemoServer {
  url: string;
  close(): Promise<void>;
}

export function serveFake(root: string, model: FakeModel, port = 0): Promise<DemoServer> {
  const base = path.resolve(root);
  const server = http.createServer((req, res) => {
    const pathname = decodeURIComponent(new URL(req.url ?? '/', 'http://localhost').pathname);
    if (pathname === '/workbook.json') {
      res.writeHead(200, { 'content-type': TYPES['.json'], 'cache-control': 'no-store' });
      res.end(JSON.stringify(modelToJson(model)));
      return;
    }
    const file = path.resolve(base, `.${pathname === '/' ? '/demo.html' : pathname}`);
    if (!file.startsWith(base + path.sep) || !fs.existsSync(file) || fs.statSync(file).isDirectory()) {
      res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' });
      res.end('not found');
      return;
    }
    res.writeHead(200, { 'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream' });
    fs.createReadStream(file).pipe(res);
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      const { port: p } = server.address() as AddressInfo;
      resolve({
        url: `http://localhost:${p}`,
        close: () => new Promise((r) => server.close(() => r())),
      });
    });
  });
}
