import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Ticket } from '../../../shared/domain/ticket';
import { ApiError } from '../../api/client';
import { useClient } from '../../api/context';
import { useQuery } from '../../api/useQuery';
import { useUi } from '../../state/ui';
import { RunView } from './RunView';
import './checklists.css';

/** Today as the desk sees it ("YYYY-MM-DD", local time): overdue service-request steps are marked against it. */
export const localToday = () => new Date().toLocaleDateString('sv-SE');

/** The ticket's checklists: running ones to work through, and fitting runbooks to start with one click. */
export function ChecklistPanel({ ticket }: { ticket: Ticket }) {
  const { t, i18n } = useTranslation();
  const client = useClient();
  const toast = useUi((s) => s.toast);
  const language = i18n.language === 'en' ? 'en' : 'de';
  const mine = (change: { entity: string; ids: number[] }) =>
    change.entity === 'ticket' && change.ids.includes(ticket.id);
  const runs = useQuery('checklists.runs.forTicket', { ticketId: ticket.id }, mine);
  const suggestions = useQuery(
    'checklists.templates.suggest',
    {
      category: ticket.category,
      text: `${ticket.title}\n${ticket.description}`,
      language,
      systemIds: ticket.firstContact.systemIds,
    },
    (c) => c.entity === 'settings' || c.entity === 'system',
  );
  const library = useQuery('checklists.templates.list', { language }, (c) => c.entity === 'settings');
  const [choice, setChoice] = useState('');

  /** The run just started takes the keyboard: the next key works its first step. */
  const [started, setStarted] = useState<number | null>(null);
  const start = async (key: string) => {
    try {
      const run = await client.call('checklists.runs.start', { ticketId: ticket.id, key, language });
      setStarted(run.id);
      setChoice('');
    } catch (error) {
      toast('error', error instanceof ApiError ? error.message : String(error));
    }
  };
  const running = new Set((runs.data?.runs ?? []).map((r) => r.template.key));
  // Suggestions help to start; once a checklist runs they would only be noise.
  // On a resolved ticket a runbook to start is no help either.
  const done = ticket.status === 'resolved' || ticket.status === 'closed';
  const fitting =
    running.size || done ? [] : (suggestions.data?.items ?? []).filter((s) => s.kind !== 'serviceRequest');
  return (
    <section className="checklists" data-testid="checklists">
      <h3 className="section-title">{t('checklists.heading')}</h3>
      {(runs.data?.runs ?? []).map((run) => (
        <RunView key={run.id} run={run} today={localToday()} autoFocus={run.id === started} />
      ))}
      {fitting.length ? (
        <div className="suggestions" data-testid="suggestions">
          <span className="muted">{t('checklists.suggested')}</span>
          {fitting.map((s) => (
            <button key={s.key} type="button" onClick={() => void start(s.key)} data-testid={`suggest-${s.key}`}>
              ▶ {s.title}
            </button>
          ))}
        </div>
      ) : null}
      {done ? null : (
        <div className="start-other">
          <select aria-label={t('checklists.startOther')} value={choice} onChange={(e) => setChoice(e.target.value)}>
            <option value="">{t('checklists.startOther')}</option>
            {(library.data?.items ?? [])
              .filter((item) => item.kind !== 'serviceRequest')
              .map((item) => (
                <option key={item.key} value={item.key}>
                  {item.title}
                </option>
              ))}
          </select>
          <button type="button" disabled={!choice} onClick={() => void start(choice)}>
            {t('checklists.start')}
          </button>
        </div>
      )}
    </section>
  );
}
