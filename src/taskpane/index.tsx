// Entry point: waits for Office, then renders the pane with the Office host, or says that the host
// is too old for it (compat.ts covers webviews that cannot run this script at all).
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { TooOld } from './TooOld';
import { langFor } from './i18n';
import { MIN_EXCEL_API, createOfficeHost, displayLanguage, isDarkTheme, officeReady, supports } from '../excel/office-host';

void officeReady().then(() => {
  const el = document.getElementById('root');
  if (!el) return;
  const lang = langFor(displayLanguage());
  if (!supports(MIN_EXCEL_API)) createRoot(el).render(<TooOld lang={lang} need={`1.${MIN_EXCEL_API}`} />);
  else createRoot(el).render(<App host={createOfficeHost()} initialLang={lang} dark={isDarkTheme()} />);
});
