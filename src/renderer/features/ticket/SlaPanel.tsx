import { useTranslation } from 'react-i18next';
import type { SlaStatus } from '../../../shared/contract/sla';
import { formatDateTime } from '../../components/format';
import { useDuration } from '../../components/SlaMeter';

type Clock = SlaStatus['firstResponse'];

function ClockRow({ label, clock, pausedBy }: { label: string; clock: Clock; pausedBy: SlaStatus['pausedBy'] }) {
  const { t } = useTranslation();
  const duration = useDuration();
  const state =
    clock.state === 'running' && clock.fraction >= 0.75
      ? 'atRisk'
      : clock.state === 'running'
        ? 'onTrack'
        : clock.state;
  const text =
    clock.state === 'met'
      ? t('sla.met')
      : clock.state === 'paused'
        ? t('sla.paused', {
            left: duration(clock.remainingMinutes),
            status: pausedBy ? t(`labels:status.${pausedBy}`) : '',
          })
        : clock.remainingMinutes < 0
          ? t('sla.overdue', { by: duration(clock.remainingMinutes), due: formatDateTime(clock.dueAt) })
          : t('sla.left', { left: duration(clock.remainingMinutes), due: formatDateTime(clock.dueAt) });
  return (
    <div className={`sla-row sla-${state}`}>
      <div className="sla-label">
        <span>{label}</span>
        <span className="sla-text">{text}</span>
      </div>
      <div className="sla-bar" aria-hidden="true">
        <div style={{ width: `${Math.min(100, Math.round(clock.fraction * 100))}%` }} />
      </div>
    </div>
  );
}

/** Both clocks of a ticket: how much business time is left, by when, and whether it stands still. */
export function SlaPanel({ sla }: { sla: SlaStatus }) {
  const { t } = useTranslation();
  return (
    <section className="panel-section" data-testid="sla">
      <h4>{t('sla.heading')}</h4>
      <ClockRow label={t('sla.firstResponse')} clock={sla.firstResponse} pausedBy={null} />
      <ClockRow label={t('sla.resolution')} clock={sla.resolution} pausedBy={sla.pausedBy} />
    </section>
  );
}
