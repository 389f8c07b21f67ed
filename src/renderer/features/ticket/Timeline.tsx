import { useTranslation } from 'react-i18next';
import type { LoggedEvent } from '../../../shared/domain/ticket';
import { formatDateTime } from '../../components/format';

type Change = { before: unknown; after: unknown };

/** Field values as a person reads them: statuses and levels by name, objects left out. */
function useShowValue() {
  const { t } = useTranslation();
  return (field: string, value: unknown): string => {
    if (value === null || value === undefined || value === '') return '–';
    if (field === 'status') return t(`labels:status.${String(value)}`);
    if (field === 'tier') return t(`labels:tier.${String(value)}`);
    if (field === 'category') return t(`labels:category.${String(value)}`);
    if (field === 'channel') return t(`labels:channel.${String(value)}`);
    if (field === 'triage' && typeof value === 'object') return (value as { priority?: string }).priority ?? '';
    if (typeof value === 'object') return '…';
    return String(value);
  };
}

function EventBody({ event }: { event: LoggedEvent }) {
  const { t } = useTranslation();
  const show = useShowValue();
  const data = event.data;
  if (event.kind === 'ticket.noted' || event.kind === 'ticket.replied') {
    return <p className="event-text">{String(data.body ?? '')}</p>;
  }
  if (event.kind === 'ticket.attached') {
    return <p className="event-text">{String(data.fileName ?? '')}</p>;
  }
  if (event.kind === 'sla.warned') {
    const clock = t(`warnings.clock.${String(data.clock)}`);
    const suggestions = Array.isArray(data.suggestions) ? (data.suggestions as string[]) : [];
    return (
      <p className="event-text">
        {t(data.level === 'breached' ? 'timeline.slaBreached' : 'timeline.slaAtRisk', {
          clock,
          due: formatDateTime(String(data.dueAt ?? '')),
        })}
        {suggestions.length
          ? ` ${t('timeline.suggest', { steps: suggestions.map((s) => t(`timeline.suggestion.${s}`)).join(' / ') })}`
          : ''}
      </p>
    );
  }
  if (event.kind === 'escalation.sent') {
    return (
      <p className="event-text">
        {t('timeline.escalationSent', {
          provider: String(data.provider ?? ''),
          files: Array.isArray(data.files) ? data.files.length : 0,
          redacted: Number(data.redacted ?? 0),
        })}{' '}
        <code className="muted">{String(data.packetSha256 ?? '').slice(0, 12)}…</code>
      </p>
    );
  }
  if (event.kind === 'escalation.reference') {
    return (
      <p className="event-text">{t('timeline.escalationReference', { reference: String(data.reference ?? '') })}</p>
    );
  }
  if (event.kind === 'escalation.reply') {
    return <p className="event-text">{String(data.body ?? '')}</p>;
  }
  if (event.kind === 'checklist.started') {
    return (
      <p className="event-text">
        {t('timeline.checklistStarted', { title: String(data.title ?? ''), version: String(data.version ?? '') })}
      </p>
    );
  }
  if (event.kind === 'checklist.step') {
    const state = (value: unknown) => t(`checklists.state.${String(value)}`);
    return (
      <p className="event-text">
        „{String(data.step ?? '')}“: {state(data.from)} → <strong>{state(data.to)}</strong>
        {data.answer ? ` (${t(`checklists.answer.${String(data.answer)}`)})` : ''}
        {data.note ? ` – ${String(data.note)}` : ''}
      </p>
    );
  }
  const changes = (data.changes ?? {}) as Record<string, Change>;
  const entries = Object.entries(changes).filter(([field]) => field !== 'resolvedAt');
  return (
    <>
      {entries.length ? (
        <ul className="changes">
          {entries.map(([field, change]) => (
            <li key={field}>
              <span className="muted">{t(`field.${field}`, { defaultValue: field })}:</span>{' '}
              {show(field, change.before)} → <strong>{show(field, change.after)}</strong>
            </li>
          ))}
        </ul>
      ) : null}
      {typeof data.checklistOverride === 'string' ? (
        <p className="event-text">
          {t('timeline.checklistOverride')}: {data.checklistOverride}
        </p>
      ) : null}
      {typeof data.overrideReason === 'string' ? (
        <p className="event-text">
          {t('triage.overrideReason')}: {data.overrideReason}
        </p>
      ) : null}
    </>
  );
}

export function Timeline({ events }: { events: LoggedEvent[] }) {
  const { t } = useTranslation();
  return (
    <ol className="timeline" data-testid="timeline">
      {[...events].reverse().map((event) => (
        <li key={event.id} className={`event event-${event.kind.replace('ticket.', '')}`}>
          <div className="event-head">
            <span className="event-kind">{t(`timeline.${event.kind}`, { defaultValue: event.kind })}</span>
            <span className="muted">
              {event.actor} · {formatDateTime(event.at)}
            </span>
          </div>
          <EventBody event={event} />
        </li>
      ))}
    </ol>
  );
}
