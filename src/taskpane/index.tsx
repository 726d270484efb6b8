// Entry point: waits for Office, then renders the pane with the Office host.
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { langFor } from './i18n';
import { createOfficeHost, displayLanguage, isDarkTheme, officeReady } from '../excel/office-host';

void officeReady().then(() => {
  const el = document.getElementById('root');
  if (!el) return;
  createRoot(el).render(<App host={createOfficeHost()} initialLang={langFor(displayLanguage())} dark={isDarkTheme()} />);
});
