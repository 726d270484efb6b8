// The pane's notices, and its busy state while a host operation runs.
import { useRef, useState } from 'react';
import type { Host } from './host';
import type { Strings } from './i18n';
import type { Notice } from './Notices';
import { describeError } from './outcomes';

export type MakeNotice = (
  intent: Notice['intent'],
  text: string,
  actions?: Notice['actions'],
) => Notice;

/** What every handler of the pane is given: the host, the texts and the notices. */
export interface PaneDeps {
  host: Host;
  t: Strings;
  notice: MakeNotice;
  setNotices: (n: Notice[]) => void;
}

export function useNotices(t: Strings) {
  const [notices, setNotices] = useState<Notice[]>([]);
  const [busy, setBusy] = useState(false);
  // A notice's id is its React key (src/taskpane/Notices.tsx).
  const noticeId = useRef(0);

  const notice: MakeNotice = (intent, text, actions) => ({
    id: ++noticeId.current,
    intent,
    text,
    actions,
  });
  const fail = (e: unknown) => setNotices([notice('error', describeError(e, t))]);

  /** Runs a host operation with the pane busy; host errors become a notice, never a log line. */
  async function task(fn: () => Promise<void>) {
    setBusy(true);
    try {
      await fn();
    } catch (e) {
      fail(e);
    } finally {
      setBusy(false);
    }
  }

  return { notices, setNotices, notice, busy, task, fail };
}
