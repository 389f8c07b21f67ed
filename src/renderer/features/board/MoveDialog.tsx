import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Status } from '../../../shared/domain/enums';
import { PriorityBadge } from '../../components/Badges';
import type { MovePlan } from './boardMoves';

export type MoveAnswers = { reason: string; waitingOn: Status | null; resolution: string };

/** Asks what a move still needs: the reason for a new priority, whom it waits on, or what was done. */
export function MoveDialog({
  plan,
  onConfirm,
  onCancel,
}: {
  plan: MovePlan;
  onConfirm: (answers: MoveAnswers) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  const [waitingOn, setWaitingOn] = useState<Status | null>(plan.waitingChoices[0] ?? null);
  const [resolution, setResolution] = useState('');
  const complete =
    (!plan.priority || reason.trim().length > 0) &&
    (plan.status !== 'waiting' || waitingOn !== null) &&
    (plan.status !== 'resolved' || resolution.trim().length > 0);
  const submit = () => complete && onConfirm({ reason: reason.trim(), waitingOn, resolution: resolution.trim() });
  return (
    <div className="overlay" role="dialog" aria-modal="true" aria-label={t('board.moveTitle')} onClick={onCancel}>
      <form
        className="dialog move-dialog"
        onClick={(e) => e.stopPropagation()}
        onSubmit={(e) => {
          e.preventDefault();
          submit();
        }}
        onKeyDown={(e) => {
          if (e.key === 'Escape') onCancel();
          if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) submit();
        }}
      >
        <h3>
          {plan.card.number} · {plan.card.title}
        </h3>
        {plan.priority ? (
          <label>
            <span>
              {t('board.priorityTo')} <PriorityBadge priority={plan.priority} long />
            </span>
            <input
              autoFocus
              data-testid="move-reason"
              value={reason}
              maxLength={500}
              placeholder={t('board.reasonPlaceholder')}
              onChange={(e) => setReason(e.target.value)}
            />
          </label>
        ) : null}
        {plan.status === 'waiting' ? (
          <fieldset className="choice-row">
            <legend>{t('board.waitingOn')}</legend>
            {plan.waitingChoices.map((status, index) => (
              <label key={status}>
                <input
                  type="radio"
                  name="waitingOn"
                  autoFocus={!plan.priority && index === 0}
                  checked={waitingOn === status}
                  onChange={() => setWaitingOn(status)}
                />
                {t(`labels:status.${status}`)}
              </label>
            ))}
          </fieldset>
        ) : null}
        {plan.status === 'resolved' ? (
          <label>
            {t('board.resolution')}
            <textarea
              autoFocus={!plan.priority}
              data-testid="move-resolution"
              rows={3}
              value={resolution}
              maxLength={4000}
              onChange={(e) => setResolution(e.target.value)}
            />
          </label>
        ) : null}
        <div className="dialog-actions">
          <button type="button" onClick={onCancel}>
            {t('common.cancel')} <kbd className="kbd">Esc</kbd>
          </button>
          <button type="submit" className="primary" disabled={!complete} data-testid="move-confirm">
            {t('board.move')} <kbd className="kbd">Enter</kbd>
          </button>
        </div>
      </form>
    </div>
  );
}
