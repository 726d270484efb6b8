// What happened: results of host operations and host errors, as Fluent message bars.
import { Button, MessageBar, MessageBarActions, MessageBarBody } from '@fluentui/react-components';
import { useShared } from './styles';

export type Notice = {
  id: number;
  intent: 'error' | 'warning' | 'success' | 'info';
  text: string;
  /** Buttons offered with the notice (e.g. confirm replacing a sheet). */
  actions?: Array<{ label: string; run: () => void }>;
};

export type NoticesProps = { notices: Notice[] };

export function Notices({ notices }: NoticesProps) {
  const s = useShared();
  if (notices.length === 0) return null;
  return (
    <div className={s.section} aria-live="polite">
      {notices.map((n) => (
        <MessageBar key={n.id} intent={n.intent} layout="multiline">
          <MessageBarBody className={s.wrap}>{n.text}</MessageBarBody>
          {n.actions && (
            <MessageBarActions>
              {n.actions.map((a) => (
                <Button key={a.label} size="small" onClick={a.run}>
                  {a.label}
                </Button>
              ))}
            </MessageBarActions>
          )}
        </MessageBar>
      ))}
    </div>
  );
}
