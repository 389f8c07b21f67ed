import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Pattern } from '../../../shared/domain/problem';
import { ApiError } from '../../api/client';
import { useClient } from '../../api/context';
import { useQuery } from '../../api/useQuery';
import { PriorityBadge } from '../../components/Badges';
import { formatDateTime } from '../../components/format';
import { useUi } from '../../state/ui';
import { PlannedWork } from './PlannedWork';
import { useSystemNames } from './useSystemNames';
import './problems.css';

/** Problems: the patterns the desk found (each explained), the problems being worked, and their action items. */
export function ProblemsView() {
  const { t } = useTranslation();
  const { navigate } = useUi();
  // The detection window (settings), or the top patterns of the last quarter.
  const [quarter, setQuarter] = useState(false);
  const patterns = useQuery(
    'problems.patterns.list',
    quarter ? { days: 90 } : {},
    (c) => c.entity === 'problem' || c.entity === 'ticket',
  );
  const problems = useQuery('problems.list', {}, (c) => c.entity === 'problem' || c.entity === 'ticket');
  const found = patterns.data?.patterns ?? [];
  const list = problems.data?.problems ?? [];
  return (
    <div className="problems-view">
      <header className="view-header">
        <h1 tabIndex={-1}>{t('problems.heading')}</h1>
        <div className="spacer" />
        <button
          type="button"
          className="primary"
          onClick={() => navigate({ name: 'problemNew' })}
          data-testid="problem-new"
        >
          {t('problems.new')}
        </button>
      </header>
      <section aria-labelledby="patterns-heading" data-testid="patterns">
        <h2 id="patterns-heading" className="section-title">
          {quarter
            ? t('problems.patterns.top')
            : t('problems.patterns.heading', { days: patterns.data?.windowDays ?? 60 })}
        </h2>
        <div className="kb-filters" role="group" aria-label={t('problems.patterns.period')}>
          <button
            type="button"
            aria-pressed={!quarter}
            className={quarter ? '' : 'on'}
            onClick={() => setQuarter(false)}
          >
            {t('problems.patterns.window', { days: patterns.data?.windowDays ?? 60 })}
          </button>
          <button type="button" aria-pressed={quarter} className={quarter ? 'on' : ''} onClick={() => setQuarter(true)}>
            {t('problems.patterns.quarter')}
          </button>
        </div>
        {found.length ? (
          <ul className="pattern-list">
            {found.map((pattern) => (
              <PatternCard key={pattern.key} pattern={pattern} />
            ))}
          </ul>
        ) : (
          <p className="muted">
            {t('problems.patterns.none', {
              min: patterns.data?.minSize ?? 3,
              days: quarter ? 90 : (patterns.data?.windowDays ?? 60),
            })}
          </p>
        )}
      </section>
      <PlannedWork />
      <section aria-labelledby="problems-heading">
        <h2 id="problems-heading" className="section-title">
          {t('problems.list.heading')}
        </h2>
        {list.length ? (
          <table className="problem-list" data-testid="problem-list">
            <thead>
              <tr>
                <th>{t('problems.col.title')}</th>
                <th>{t('problems.col.state')}</th>
                <th>{t('problems.col.priority')}</th>
                <th>{t('problems.col.incidents')}</th>
                <th>{t('problems.col.actions')}</th>
                <th>{t('problems.col.updated')}</th>
              </tr>
            </thead>
            <tbody>
              {list.map((p) => (
                <tr key={p.id}>
                  <td>
                    <a href={`#/problems/${p.id}`}>{p.title}</a>
                  </td>
                  <td>
                    <span className={`problem-state problem-state-${p.state}`}>{t(`problems.state.${p.state}`)}</span>
                  </td>
                  <td>
                    <PriorityBadge priority={p.priority} />
                  </td>
                  <td>{t('problems.incidentCount', { count: p.incidents, open: p.openIncidents })}</td>
                  <td className={p.overdueActions ? 'overdue' : ''}>
                    {p.openActions
                      ? t('problems.actionCount', { count: p.openActions, overdue: p.overdueActions })
                      : '–'}
                  </td>
                  <td>{formatDateTime(p.updatedAt)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : (
          <p className="muted">{t('problems.list.none')}</p>
        )}
      </section>
    </div>
  );
}

function PatternCard({ pattern }: { pattern: Pattern }) {
  const { t } = useTranslation();
  const client = useClient();
  const { navigate, toast } = useUi();
  const systems = useSystemNames();
  const [mode, setMode] = useState<'idle' | 'create' | 'dismiss'>('idle');
  const [title, setTitle] = useState(pattern.tickets[0]?.title ?? pattern.words.join(' '));
  const [reason, setReason] = useState('');
  const fail = (error: unknown) => toast('error', error instanceof ApiError ? error.message : String(error));
  const create = async () => {
    try {
      const made = await client.call('problems.fromPattern', { ticketIds: pattern.ticketIds, title });
      toast('info', t('problems.patterns.created', { title: made.problem.title }));
      navigate({ name: 'problem', id: made.problem.id });
    } catch (error) {
      fail(error);
    }
  };
  const dismiss = async () => {
    try {
      await client.call('problems.patterns.dismiss', { ticketIds: pattern.ticketIds, reason });
      toast('info', t('problems.patterns.dismissed'));
    } catch (error) {
      fail(error);
    }
  };
  const systemNames = pattern.systemIds.map((id) => systems.get(id) ?? `#${id}`);
  return (
    <li className="pattern-card" data-testid="pattern">
      <p className="pattern-why">
        <strong>{t('problems.patterns.tickets', { count: pattern.ticketIds.length })}</strong>{' '}
        {t('problems.patterns.people', { count: pattern.requesters })} ·{' '}
        {t('problems.patterns.span', { from: formatDateTime(pattern.from), to: formatDateTime(pattern.to) })}
      </p>
      <p className="pattern-why">
        {t('problems.patterns.words')}{' '}
        {pattern.words.map((word) => (
          <span key={word} className="chip">
            {word}
          </span>
        ))}
        {systemNames.length ? ` · ${t('problems.patterns.systems', { names: systemNames.join(', ') })}` : ''}
        {pattern.category ? ` · ${t(`labels:category.${pattern.category}`)}` : ''}
        {pattern.departments.length ? ` · ${pattern.departments.join(', ')}` : ''}
      </p>
      <ul className="pattern-tickets">
        {pattern.tickets.map((ticket) => (
          <li key={ticket.id}>
            <a href={`#/tickets/${ticket.id}`}>{ticket.number}</a> {ticket.title}{' '}
            <span className="muted">
              · {ticket.requester} · {formatDateTime(ticket.createdAt)}
            </span>
          </li>
        ))}
      </ul>
      {mode === 'create' ? (
        <div className="pattern-form">
          <label>
            {t('problems.field.title')}
            <input value={title} onChange={(e) => setTitle(e.target.value)} autoFocus />
          </label>
          <button type="button" className="primary" onClick={() => void create()} disabled={!title.trim()}>
            {t('problems.patterns.create')}
          </button>
          <button type="button" className="quiet" onClick={() => setMode('idle')}>
            {t('common.cancel')}
          </button>
        </div>
      ) : mode === 'dismiss' ? (
        <div className="pattern-form">
          <label>
            {t('problems.patterns.reason')}
            <input value={reason} onChange={(e) => setReason(e.target.value)} autoFocus />
          </label>
          <button type="button" onClick={() => void dismiss()} disabled={!reason.trim()}>
            {t('problems.patterns.dismiss')}
          </button>
          <button type="button" className="quiet" onClick={() => setMode('idle')}>
            {t('common.cancel')}
          </button>
        </div>
      ) : (
        <div className="pattern-form">
          <button type="button" className="primary" onClick={() => setMode('create')} data-testid="pattern-create">
            {t('problems.patterns.toProblem')}
          </button>
          <button type="button" className="quiet" onClick={() => setMode('dismiss')}>
            {t('problems.patterns.dismissOpen')}
          </button>
        </div>
      )}
    </li>
  );
}
