import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useClient } from '../api/context';
import { Kbd } from '../components/Badges';
import { useUi } from '../state/ui';

const shortcutRows: [string, string][] = [
  ['Ctrl+N', 'shortcuts.new'],
  ['Ctrl+1', 'shortcuts.tickets'],
  ['Ctrl+2', 'shortcuts.board'],
  ['Ctrl+3', 'shortcuts.next'],
  ['Ctrl+4', 'shortcuts.checklists'],
  ['Ctrl+5', 'shortcuts.requests'],
  ['Shift+← → ↑ ↓', 'shortcuts.moveCard'],
  ['Ctrl+K  /', 'shortcuts.search'],
  ['↑ ↓  j k', 'shortcuts.move'],
  ['Enter', 'shortcuts.open'],
  ['Esc', 'shortcuts.back'],
  ['1 … 6', 'shortcuts.status'],
  ['Ctrl+Z', 'shortcuts.undo'],
  ['n  r', 'shortcuts.noteReply'],
  ['m', 'shortcuts.message'],
  ['Ctrl+Enter', 'shortcuts.submit'],
  ['Ctrl+,', 'shortcuts.settings'],
];

export function ShortcutHelp() {
  const { t } = useTranslation();
  const { showShortcuts, toggleShortcuts } = useUi();
  if (!showShortcuts) return null;
  return (
    <div
      className="overlay"
      role="dialog"
      aria-modal="true"
      aria-label={t('nav.shortcuts')}
      onClick={() => toggleShortcuts(false)}
    >
      <div className="dialog" onClick={(e) => e.stopPropagation()}>
        <h3>{t('nav.shortcuts')}</h3>
        <table className="shortcut-table">
          <tbody>
            {shortcutRows.map(([keys, label]) => (
              <tr key={label}>
                <td>
                  <Kbd>{keys}</Kbd>
                </td>
                <td>{t(label)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}

export function Toasts() {
  const { toasts, dismissToast } = useUi();
  return (
    <div className="toasts" aria-live="assertive">
      {toasts.map((toast) => (
        <div
          key={toast.id}
          className={`toast toast-${toast.kind}`}
          role={toast.kind === 'error' ? 'alert' : 'status'}
          onClick={() => dismissToast(toast.id)}
        >
          {toast.text}
          {toast.action ? (
            <button
              type="button"
              className="toast-action"
              onClick={(event) => {
                event.stopPropagation();
                dismissToast(toast.id);
                toast.action?.run();
              }}
            >
              {toast.action.label}
            </button>
          ) : null}
        </div>
      ))}
    </div>
  );
}

/** SLA warnings raised by main appear in the app too (the desktop notification is the shell's job). */
export function useSlaWarningToasts() {
  const client = useClient();
  const { t } = useTranslation();
  const toast = useUi((s) => s.toast);
  useEffect(
    () =>
      client.onChange((change) => {
        if (change.entity !== 'slaWarning') return;
        for (const w of change.warnings) {
          const clock = t(`warnings.clock.${w.clock}`);
          const key =
            w.level === 'atRisk'
              ? 'warnings.atRisk'
              : w.suggestions.length
                ? 'warnings.breached'
                : 'warnings.breachedAtMsp';
          toast(w.level === 'breached' ? 'error' : 'info', t(key, { number: w.number, clock, priority: w.priority }));
        }
      }),
    [client, t, toast],
  );
}
