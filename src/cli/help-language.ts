// `report-check --help` and commander's notices in the user's language: Russian by default,
// English with `--lang en`. Commander writes its own titles, usage words, `(choices: …, default: …)`
// and error messages in English; these hooks put the catalogue's words (help-messages.ts) in.
import { Help, type Command, type Option } from 'commander';
import type { Lang } from '../core';
import { HELP_TEXT, type HelpCatalogue } from './help-messages';

/** The language asked for anywhere on the command line (`--lang en`, `--lang=en`); Russian otherwise. */
export function langOfArgv(argv: readonly string[]): Lang {
  for (let i = 0; i < argv.length; i++) {
    const v =
      argv[i] === '--lang'
        ? argv[i + 1]
        : argv[i].startsWith('--lang=')
          ? argv[i].slice(7)
          : undefined;
    if (v === 'en' || v === 'ru') return v;
  }
  return 'ru';
}

function replaceWords(text: string, words: Record<string, string>): string {
  return text
    .split(' ')
    .map((w) => words[w] ?? w)
    .join(' ');
}

/** An option's description with its choices and default in the catalogue's words. */
function optionDescription(t: HelpCatalogue, option: Option): string {
  const extra: string[] = [];
  if (option.argChoices)
    extra.push(`${t.choices}: ${option.argChoices.map((c) => JSON.stringify(c)).join(', ')}`);
  const d: unknown = option.defaultValue;
  if (
    d !== undefined &&
    (option.required || option.optional || (option.isBoolean() && typeof d === 'boolean'))
  ) {
    extra.push(
      `${t.default}: ${typeof d === 'boolean' ? t.yesNo(d) : option.defaultValueDescription || JSON.stringify(d)}`,
    );
  }
  return extra.length ? `${option.description} (${extra.join('; ')})` : option.description;
}

export function translateError(t: HelpCatalogue, text: string): string {
  const end = text.endsWith('\n') ? '\n' : '';
  let s = end ? text.slice(0, -1) : text;
  for (const [pattern, words] of t.errors) s = s.replace(pattern, words);
  return s + end;
}

/** Sets the help's words on `program`; call before adding commands, which inherit them. */
export function localizeHelp(program: Command, lang: Lang): void {
  const t = HELP_TEXT[lang];
  program.helpOption('-h, --help', t.help);
  program.helpCommand(`help ${t.helpCommandArg}`, t.helpCommand);
  if (lang === 'en') return;
  program.configureHelp({
    styleTitle: (title: string) => t.titles[title] ?? title,
    commandUsage(cmd: Command): string {
      return replaceWords(Help.prototype.commandUsage.call(this, cmd), t.usageWords);
    },
    subcommandTerm(cmd: Command): string {
      return replaceWords(Help.prototype.subcommandTerm.call(this, cmd), t.usageWords);
    },
    optionDescription: (option: Option) => optionDescription(t, option),
  });
  program.configureOutput({ outputError: (text, write) => write(translateError(t, text)) });
}
