import { useTranslation } from 'react-i18next';
import type { LoggedEvent } from '../../../shared/domain/ticket';
import { formatDateTime } from '../../components/format';
import { useQuery } from '../../api/useQuery';

type Change = { before: unknown; after: unknown };

/** A logged value as text: strings and numbers as they are, anything else (an object from an old event) empty. */
const textOf = (value: unknown): string =>
  typeof value === 'string' ? value : typeof value === 'number' || typeof value === 'boolean' ? String(value) : '';

/** Field values as a person reads them: statuses and levels by name, objects left out. */
function useShowValue() {
  const { t } = useTranslation();
  return (field: string, value: unknown): string => {
    if (value === null || value === undefined || value === '') return '–';
    if (field === 'status') return t(`labels:status.${textOf(value)}`);
    if (field === 'tier') return t(`labels:tier.${textOf(value)}`);
    if (field === 'category') return t(`labels:category.${textOf(value)}`);
    if (field === 'channel') return t(`labels:channel.${textOf(value)}`);
    if (field === 'triage' && typeof value === 'object') return (value as { priority?: string }).priority ?? '';
    if (typeof value === 'object') return '…';
    return textOf(value);
  };
}

function EventBody({ event, providerName }: { event: LoggedEvent; providerName: (id: string) => string }) {
  const { t } = useTranslation();
  const show = useShowValue();
  const data = event.data;
  if (event.kind === 'ticket.noted' || event.kind === 'ticket.replied' || event.kind === 'ticket.mailIn') {
    return <p className="event-text">{textOf(data.body)}</p>;
  }
  if (event.kind === 'ticket.attached') {
    return <p className="event-text">{textOf(data.fileName)}</p>;
  }
  if (event.kind === 'sla.warned') {
    const clock = t(`warnings.clock.${textOf(data.clock)}`);
    const suggestions = Array.isArray(data.suggestions) ? (data.suggestions as string[]) : [];
    return (
      <p className="event-text">
        {t(data.level === 'breached' ? 'timeline.slaBreached' : 'timeline.slaAtRisk', {
          clock,
          due: formatDateTime(textOf(data.dueAt)),
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
          provider: providerName(textOf(data.provider)),
          files: t('timeline.files', { count: Array.isArray(data.files) ? data.files.length : 0 }),
          redacted: t('timeline.redactedPlaces', { count: Number(data.redacted ?? 0) }),
        })}{' '}
        <code className="muted">{textOf(data.packetSha256).slice(0, 12)}…</code>
      </p>
    );
  }
  if (event.kind === 'mail.received') {
    return (
      <p className="event-text">
        {t('timeline.mailReceived', {
          from: textOf(data.from),
          subject: textOf(data.subject),
          outcome: t(`mail.outcomeShort.${textOf(data.outcome)}`),
        })}
      </p>
    );
  }
  if (event.kind === 'mail.queued' || event.kind === 'mail.sent' || event.kind === 'mail.failed') {
    const key = { 'mail.queued': 'mailQueued', 'mail.sent': 'mailSent', 'mail.failed': 'mailFailed' }[event.kind];
    return (
      <p className="event-text">
        {t(`timeline.${key}`, {
          to: textOf(data.to),
          subject: textOf(data.subject),
          error: textOf(data.error),
          attempts: textOf(data.attempts),
        })}
      </p>
    );
  }
  if (event.kind === 'escalation.reference') {
    return <p className="event-text">{t('timeline.escalationReference', { reference: textOf(data.reference) })}</p>;
  }
  if (event.kind === 'escalation.reply') {
    return <p className="event-text">{textOf(data.body)}</p>;
  }
  if (event.kind === 'checklist.started') {
    return (
      <p className="event-text">
        {t('timeline.checklistStarted', { title: textOf(data.title), version: textOf(data.version) })}
      </p>
    );
  }
  if (event.kind === 'kb.linked' || event.kind === 'kb.unlinked') {
    return (
      <p className="event-text">
        <a href={`#/kb/${textOf(data.articleId)}`}>{textOf(data.title)}</a>
      </p>
    );
  }
  if (event.kind === 'checklist.step') {
    const state = (value: unknown) => t(`checklists.state.${textOf(value)}`);
    return (
      <p className="event-text">
        „{textOf(data.step)}“: {state(data.from)} → <strong>{state(data.to)}</strong>
        {data.answer ? ` (${t(`checklists.answer.${textOf(data.answer)}`)})` : ''}
        {data.note ? ` – ${textOf(data.note)}` : ''}
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
  // Entries name the provider as the directory does, not by its short name.
  const providers = useQuery('msp.providers.list', {}, (c) => c.entity === 'settings');
  const names = new Map((providers.data?.providers ?? []).map((p) => [p.id, p.name]));
  const providerName = (id: string) => names.get(id) ?? id;
  return (
    <ol className="timeline" data-testid="timeline">
      {[...events].reverse().map((event) => (
        <li key={event.id} className={`event event-${event.kind.replace('ticket.', '')}`}>
          <div className="event-head">
            <span className="event-kind">
              {typeof event.data.undoOf === 'number'
                ? t('timeline.undone')
                : t(`timeline.${event.kind}`, { defaultValue: event.kind })}
            </span>
            <span className="muted">
              {event.actor} · {formatDateTime(event.at)}
            </span>
          </div>
          <EventBody event={event} providerName={providerName} />
        </li>
      ))}
    </ol>
  );
}
