// The pane's first row: the check button, and a spinner while a host operation runs.
import { Button, Spinner } from '@fluentui/react-components';
import type { Strings } from './i18n';
import { useShared } from './styles';

export type CheckBarProps = { t: Strings; busy: boolean; onCheck: () => void };

export function CheckBar({ t, busy, onCheck }: CheckBarProps) {
  const s = useShared();
  return (
    <div className={s.buttons}>
      <Button appearance="primary" onClick={onCheck} disabled={busy}>
        {t.check}
      </Button>
      {busy && <Spinner size="tiny" label={t.busy} />}
    </div>
  );
}
