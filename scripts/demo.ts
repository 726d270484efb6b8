// `npm run demo`: the task pane beside a plain rendering of the sample workbook, on localhost,
// running on the Excel test double (no Excel needed). Usage: npm run demo [-- file.xlsx] [PORT=3100]
import fs from 'fs';
import path from 'path';
import { loadXlsx } from '../test/excel-fake/load-xlsx';
import { serveFake } from './demo-server';

async function main() {
  const root = path.resolve(__dirname, '..');
  const file = process.argv[2] ?? path.join(root, 'samples', 'sample-report.xlsx');
  if (!fs.existsSync(file)) {
    console.error(`Нет файла ${file}. Укажите книгу: npm run demo -- путь/к/книге.xlsx`);
    process.exit(2);
  }
  const dist = path.join(root, 'dist', 'fake');
  if (!fs.existsSync(path.join(dist, 'demo.html'))) {
    console.error('Нет сборки dist/fake: запустите npm run demo (она собирает её сама).');
    process.exit(2);
  }
  const model = await loadXlsx(file);
  const server = await serveFake(dist, model, Number(process.env.PORT ?? 3100));
  console.log(`Демонстрация: ${server.url}/demo.html  (книга: ${path.relative(process.cwd(), file)})`);
  console.log('Только панель (320 px): ' + `${server.url}/taskpane.html`);
  console.log('Остановить: Ctrl+C. Изменения живут только в открытой вкладке браузера.');
}

main().catch((e) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
