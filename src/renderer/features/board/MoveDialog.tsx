import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Status } from '../../../shared/domain/enums';
import { PriorityBadge } from '../../components/Badges';
import type { MovePlan } from './boardMoves';
import { Modal } from '../../components/Modal';

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
    <Modal
      title={`${t('board.moveTitle')}: ${plan.card.number} · ${plan.card.title}`}
      closeLabel={t('a11y.close')}
      onClose={onCancel}
      className="move-dialog"
      testId="move-dialog"
    >
      <form
        className="move-form"
        onSubmit={(e) => {
          e.preventDefault();
          submit();
        }}
        onKeyDown={(e) => {
          if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) submit();
        }}
      >
        {plan.priority ? (
          <label>
            <span>
              {t('board.priorityTo')} <PriorityBadge priority={plan.priority} long />
            </span>
            <input
              data-autofocus
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
                  data-autofocus={(!plan.priority && index === 0) || undefined}
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
              data-autofocus={!plan.priority || undefined}
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
    </Modal>
  );
}
