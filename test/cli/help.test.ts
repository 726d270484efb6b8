// `report-check --help` in the user's language: Russian by default, English with --lang en.
import { buildProgram, main } from '../../src/cli/main';
import { translateError } from '../../src/cli/help-language';
import { HELP_TEXT } from '../../src/cli/help-messages';

const ENGLISH =
  /Usage|Options|Commands|Arguments|display help|choices|default|\[options\]|\[command\]/;

async function rootHelp(args: string[]): Promise<string> {
  const out: string[] = [];
  const write = jest
    .spyOn(process.stdout, 'write')
    .mockImplementation((s) => (out.push(String(s)), true));
  try {
    expect(await main(['node', 'report-check', ...args])).toBe(0);
  } finally {
    write.mockRestore();
  }
  return out.join('');
}

function commandHelp(name: string, lang: 'ru' | 'en'): string {
  return buildProgram(() => undefined, lang)
    .commands.find((c) => c.name() === name)!
    .helpInformation();
}

test('the program help is entirely in Russian', async () => {
  const help = await rootHelp(['--help']);
  expect(help).toMatch(/^Использование: report-check \[параметры\] \[команда\]/);
  expect(help).toContain('Команды:');
  expect(help).toContain('help [команда]');
  expect(help).not.toMatch(ENGLISH);
});

test.each(['check', 'fill', 'compare', 'merge'])('`%s --help` is entirely in Russian', (name) => {
  const help = commandHelp(name, 'ru');
  expect(help).toContain(`Использование: report-check ${name} [параметры]`);
  expect(help).toContain('Параметры:');
  expect(help).toContain('показать справку по команде');
  expect(help).not.toMatch(ENGLISH);
});

test('option defaults and choices in Russian words', () => {
  const help = commandHelp('fill', 'ru').replace(/\s+/g, ' ');
  expect(help).toContain('(варианты: "formulas", "values"; по умолчанию: "formulas")');
  expect(help).toContain('(по умолчанию: нет)');
});

test('--lang en gives the help in English, wherever it stands', async () => {
  const help = await rootHelp(['--lang', 'en', '--help']);
  expect(help).toMatch(/^Usage: report-check \[options\] \[command\]/);
  expect(help).toContain('check workbooks and folders of workbooks');
  expect(help).not.toMatch(/[А-Яа-я]/);
  expect(commandHelp('check', 'en').replace(/\s+/g, ' ')).toContain(
    '(choices: "text", "json", default: "text")',
  );
});

test("commander's error messages in Russian", () => {
  const t = HELP_TEXT.ru;
  expect(translateError(t, "error: missing required argument 'файл-или-папка'\n")).toBe(
    'ошибка: не указан аргумент «файл-или-папка»\n',
  );
  expect(translateError(t, "error: unknown command 'chek'\n(Did you mean check?)\n")).toBe(
    'ошибка: неизвестная команда «chek»\n(Может быть, check?)\n',
  );
  expect(
    translateError(
      t,
      "error: option '--lang <язык>' argument 'de' is invalid. Allowed choices are ru, en.\n",
    ),
  ).toBe('ошибка: значение «de» параметра «--lang <язык>» не подходит; возможны: ru, en\n');
  expect(translateError(HELP_TEXT.en, "error: unknown option '--x'\n")).toBe(
    "error: unknown option '--x'\n",
  );
});
