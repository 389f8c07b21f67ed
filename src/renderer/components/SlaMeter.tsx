import { useTranslation } from 'react-i18next';
import type { SlaBar } from '../../shared/contract/board';

/** "2 h 15 min" in business time; the clock counts only business hours. */
export function useDuration() {
  const { t } = useTranslation();
  return (minutes: number) => {
    const abs = Math.abs(Math.round(minutes));
    const h = Math.floor(abs / 60);
    const m = abs % 60;
    if (!h) return t('sla.minutes', { m });
    return m ? t('sla.hoursMinutes', { h, m }) : t('sla.hours', { h });
  };
}

const timeOnly = new Map<string, Intl.DateTimeFormat>();
function dueTime(iso: string, language: string): string {
  const key = language;
  let format = timeOnly.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(language === 'de' ? 'de-DE' : 'en-GB', {
      weekday: 'short',
      hour: '2-digit',
      minute: '2-digit',
    });
    timeOnly.set(key, format);
  }
  return format.format(new Date(iso));
}

/** The one clock of a card or a next-up line: a bar coloured by state, and what is left by when. */
export function SlaMeter({ sla, compact = false }: { sla: SlaBar; compact?: boolean }) {
  const { t, i18n } = useTranslation();
  const duration = useDuration();
  const clock = t(sla.clock === 'firstResponse' ? 'sla.firstResponseShort' : 'sla.resolutionShort');
  const text =
    sla.level === 'done'
      ? t('sla.met')
      : sla.level === 'paused'
        ? t('sla.pausedShort', { left: duration(sla.remainingMinutes) })
        : sla.level === 'breached'
          ? t('sla.overdueShort', { by: duration(sla.remainingMinutes) })
          : t('sla.leftShort', { left: duration(sla.remainingMinutes) });
  const due = sla.dueAt && !compact ? ` · ${dueTime(sla.dueAt, i18n.language)}` : '';
  return (
    <div className={`sla-meter sla-${sla.level}`} title={`${clock}: ${text}${due}`}>
      <div className="sla-bar" aria-hidden="true">
        <div style={{ width: `${Math.max(2, Math.min(100, Math.round(sla.fraction * 100)))}%` }} />
      </div>
      <span className="sla-text">
        {clock} {text}
        {due}
      </span>
    </div>
  );
}
