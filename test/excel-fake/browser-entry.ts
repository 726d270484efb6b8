// Browser build of the double: loads a workbook (JSON made from an .xlsx by the serving script)
// and installs fake `Office`/`Excel` globals before the task pane asks for them.
import { modelFromJson } from './build';
import type { ModelJson } from './build';
import { installOfficeGlobals } from './globals';
import { HOST_PROFILES } from './model';
import type { FakeModel, HostProfile } from './model';
import { renderWorkbookView } from './view';

declare global {
  interface Window {
    /** The double's state, for the browser test and the demo page. */
    __fake?: { model: FakeModel };
  }
}

const params = new URLSearchParams(location.search);
const url = params.get('workbook') ?? 'workbook.json';

const ready: Promise<FakeModel> = fetch(url)
  .then((r) => {
    if (!r.ok) throw new Error(`${url}: ${r.status}`);
    return r.json() as Promise<ModelJson>;
  })
  .then((json) => {
    const model = modelFromJson(json);
    if (params.get('lang')) model.behaviour.displayLanguage = params.get('lang')!;
    const profile = params.get('profile');
    if (profile && profile in HOST_PROFILES) model.useProfile(profile as HostProfile);
    if (params.get('api')) model.behaviour.excelApi = Number(params.get('api'));
    installOfficeGlobals(model, { bodyBackgroundColor: params.get('theme') === 'dark' ? '#1f1f1f' : '#ffffff' });
    window.__fake = { model };
    const view = document.getElementById('workbook-view');
    if (view) renderWorkbookView(model, view);
    return model;
  });

// Until the workbook is loaded, only Office.onReady exists; it waits for the real double.
(globalThis as Record<string, unknown>).Office = {
  onReady: () =>
    ready.then((m) => {
      void m;
      return ((globalThis as Record<string, unknown>).Office as { onReady: () => Promise<unknown> }).onReady();
    }),
};
