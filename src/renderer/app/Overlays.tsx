import { useTranslation } from 'react-i18next';
import { Kbd } from '../components/Badges';
import { useUi } from '../state/ui';

const shortcutRows: [string, string][] = [
  ['Ctrl+N', 'shortcuts.new'],
  ['Ctrl+1', 'shortcuts.tickets'],
  ['Ctrl+K  /', 'shortcuts.search'],
  ['↑ ↓  j k', 'shortcuts.move'],
  ['Enter', 'shortcuts.open'],
  ['Esc', 'shortcuts.back'],
  ['1 … 9', 'shortcuts.status'],
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
        </div>
      ))}
    </div>
  );
}
