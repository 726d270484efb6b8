// What the pane shows on a host below the add-in's minimum ExcelApi set: Russian, then English.
import type { Lang } from '../core';
import { catalogues, fmt } from './i18n';

export function TooOld({ lang, need }: { lang: Lang; need: string }) {
  const first = catalogues[lang];
  const second = catalogues[lang === 'ru' ? 'en' : 'ru'];
  return (
    <main role="alert" style={{ fontFamily: 'Segoe UI, sans-serif', margin: 12 }}>
      <h1 style={{ fontSize: 18 }}>{first.appTitle}</h1>
      <p>{fmt(first.hostTooOld, { need })}</p>
      <p lang={lang === 'ru' ? 'en' : 'ru'}>{fmt(second.hostTooOld, { need })}</p>
    </main>
  );
}
