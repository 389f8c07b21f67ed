import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useClient } from '../api/context';
import { Kbd } from '../components/Badges';
import { Modal } from '../components/Modal';
import { useUi } from '../state/ui';

type View = 'everywhere' | 'tickets' | 'ticket' | 'checklist' | 'new' | 'board' | 'next';
/** Every shortcut with the views it works in; the help shows those of the current view first. */
const shortcutRows: [keys: string, label: string, views: View[]][] = [
  ['Ctrl+N', 'shortcuts.new', ['everywhere']],
  ['Ctrl+1', 'shortcuts.tickets', ['everywhere']],
  ['Ctrl+2', 'shortcuts.board', ['everywhere']],
  ['Ctrl+6', 'shortcuts.monitoring', ['everywhere']],
  ['Ctrl+0', 'shortcuts.directory', ['everywhere']],
  ['Ctrl+7', 'shortcuts.kb', ['everywhere']],
  ['Ctrl+8', 'shortcuts.problems', ['everywhere']],
  ['Ctrl+9', 'shortcuts.reports', ['everywhere']],
  ['Alt+1 … 5', 'shortcuts.kbOpen', ['new', 'ticket']],
  ['Alt+L', 'shortcuts.kbLink', ['new', 'ticket']],
  ['Ctrl+3', 'shortcuts.next', ['everywhere']],
  ['Ctrl+4', 'shortcuts.checklists', ['everywhere']],
  ['Ctrl+5', 'shortcuts.requests', ['everywhere']],
  ['Ctrl+K  /', 'shortcuts.search', ['everywhere']],
  ['Ctrl+,', 'shortcuts.settings', ['everywhere']],
  ['?', 'shortcuts.help', ['everywhere']],
  ['↑ ↓  j k', 'shortcuts.move', ['tickets', 'next']],
  ['Enter', 'shortcuts.open', ['tickets', 'next', 'board']],
  ['← → ↑ ↓', 'shortcuts.selectCard', ['board']],
  ['Shift+← → ↑ ↓', 'shortcuts.moveCard', ['board']],
  ['1 … 6', 'shortcuts.status', ['ticket']],
  ['Ctrl+Z', 'shortcuts.undo', ['ticket', 'board']],
  ['i  r', 'shortcuts.noteReply', ['ticket']],
  ['m', 'shortcuts.message', ['ticket']],
  ['e', 'shortcuts.forward', ['ticket']],
  ['Esc', 'shortcuts.back', ['ticket']],
  ['↑ ↓', 'shortcuts.stepMove', ['checklist']],
  ['d  Enter', 'shortcuts.stepDone', ['checklist']],
  ['j/y  n', 'shortcuts.stepAnswer', ['checklist']],
  ['s  f  b', 'shortcuts.stepOther', ['checklist']],
  ['u', 'shortcuts.stepReset', ['checklist']],
  ['1 … 9', 'shortcuts.choice', ['new']],
  ['Ctrl+Enter', 'shortcuts.submit', ['new', 'ticket']],
];

const viewsOf = (route: string): View[] =>
  route === 'ticket'
    ? ['ticket', 'checklist']
    : route === 'tickets' || route === 'board' || route === 'next' || route === 'new'
      ? [route]
      : [];

export function ShortcutHelp() {
  const { t } = useTranslation();
  const { showShortcuts, toggleShortcuts, route } = useUi();
  if (!showShortcuts) return null;
  const here = viewsOf(route.name);
  const groups: [string, [string, string, View[]][]][] = [
    [t('shortcuts.here'), shortcutRows.filter(([, , views]) => views.some((v) => here.includes(v)))],
    [t('shortcuts.everywhere'), shortcutRows.filter(([, , views]) => views.includes('everywhere'))],
  ];
  return (
    <Modal
      title={t('nav.shortcuts')}
      closeLabel={t('a11y.close')}
      onClose={() => toggleShortcuts(false)}
      className="shortcut-dialog"
      testId="shortcut-help"
    >
      {groups
        .filter(([, rows]) => rows.length > 0)
        .map(([heading, rows]) => (
          <table className="shortcut-table" key={heading} data-testid="shortcut-table">
            <caption>{heading}</caption>
            <tbody>
              {rows.map(([keys, label]) => (
                <tr key={label}>
                  <td>
                    <Kbd>{keys}</Kbd>
                  </td>
                  <td>{t(label)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        ))}
    </Modal>
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
