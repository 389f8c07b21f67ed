import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Status } from '../../../shared/domain/enums';
import { statusTransitions } from '../../../shared/domain/status';
import type { Ticket } from '../../../shared/domain/ticket';
import { ApiError } from '../../api/client';
import { useClient } from '../../api/context';
import { Kbd } from '../../components/Badges';
import { useUi } from '../../state/ui';
import { useKeys } from './useShortcut';

/**
 * Each status has its own key, whatever the current one: pressing 1 twice moves to "in progress" once and then does
 * nothing, instead of walking on to the next move (the old numbering parked a P1 that way).
 */
export const statusKeys: Record<Exclude<Status, 'new'>, string> = {
  inProgress: '1',
  waitingRequester: '2',
  waitingMsp: '3',
  waitingVendor: '4',
  resolved: '5',
  closed: '6',
};
const keyOf = (to: Status) => (to === 'new' ? '' : statusKeys[to]);

/** The moves allowed from the current status, each on its fixed key; undoable from the toast. */
export function StatusActions({ ticket, onResolved }: { ticket: Ticket; onResolved?: () => void }) {
  const { t } = useTranslation();
  const client = useClient();
  const toast = useUi((s) => s.toast);
  const offerUndo = useUi((s) => s.offerUndo);
  const [resolving, setResolving] = useState(false);
  const [resolution, setResolution] = useState('');
  /** Set when required checklist steps are open: resolving then needs a reason, which is logged. */
  const [gate, setGate] = useState<string | null>(null);
  const [override, setOverride] = useState('');
  const targets = statusTransitions[ticket.status];

  const move = async (to: Status, text?: string) => {
    if (to === 'resolved' && text === undefined) return setResolving(true);
    try {
      const moved = await client.call('tickets.transition', {
        id: ticket.id,
        to,
        expectedVersion: ticket.version,
        ...(text ? { resolution: text } : {}),
        ...(to === 'resolved' && override.trim() ? { checklistOverride: override.trim() } : {}),
      });
      setResolving(false);
      if (to === 'resolved') onResolved?.();
      setResolution('');
      setGate(null);
      setOverride('');
      offerUndo(t('detail.moved', { status: t(`labels:status.${to}`) }), t('detail.undo'), () => {
        client.call('tickets.undo', { id: ticket.id, expectedVersion: moved.version }).then(
          () => toast('info', t('detail.undone')),
          (error: unknown) => toast('error', error instanceof ApiError ? error.message : String(error)),
        );
      });
    } catch (error) {
      const message = error instanceof ApiError ? error.message : String(error);
      const needsReason =
        error instanceof ApiError &&
        (error.details as { path?: string[] }[] | undefined)?.[0]?.path?.[0] === 'checklistOverride';
      if (needsReason) setGate(message);
      else toast('error', message);
    }
  };

  useKeys(Object.fromEntries(targets.map((to) => [keyOf(to), () => void move(to)])));

  const label = (to: Status) =>
    (ticket.status === 'resolved' || ticket.status === 'closed') && to === 'inProgress'
      ? t('detail.reopen')
      : t(`detail.to.${to}`);
  return (
    <div className="status-actions" data-testid="status-actions">
      {targets.map((to) => (
        <button key={to} type="button" onClick={() => void move(to)} className={to === 'resolved' ? 'primary' : ''}>
          {label(to)} <Kbd>{keyOf(to)}</Kbd>
        </button>
      ))}
      {resolving ? (
        <div className="resolve-box">
          <label>
            {t('detail.resolution')}
            <textarea
              autoFocus
              rows={3}
              value={resolution}
              onChange={(e) => setResolution(e.target.value)}
              onKeyDown={(e) => {
                if ((e.ctrlKey || e.metaKey) && e.key === 'Enter') void move('resolved', resolution);
                if (e.key === 'Escape') setResolving(false);
              }}
            />
          </label>
          {gate ? (
            <label className="gate" data-testid="checklist-gate">
              <span>{gate}</span>
              <input
                autoFocus
                value={override}
                maxLength={500}
                placeholder={t('checklists.overridePlaceholder')}
                onChange={(e) => setOverride(e.target.value)}
                onKeyDown={(e) => {
                  if (e.key === 'Enter') void move('resolved', resolution);
                }}
              />
            </label>
          ) : null}
          <button type="button" className="primary" onClick={() => void move('resolved', resolution)}>
            {t('detail.confirmResolve')} <Kbd>Ctrl+Enter</Kbd>
          </button>
        </div>
      ) : null}
    </div>
  );
}
