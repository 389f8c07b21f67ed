import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { TicketSummary } from '../../../shared/domain/ticket';
import { useQuery } from '../../api/useQuery';
import { PriorityBadge, StatusBadge } from '../../components/Badges';
import { formatAge } from '../../components/format';
import { setTicketTitle } from '../../app/viewFocus';
import './directory.css';

/** Tickets as links: number, priority, title, status, age. */
export function TicketLinks({ tickets, testId }: { tickets: TicketSummary[]; testId?: string }) {
  const { t } = useTranslation();
  if (tickets.length === 0) return <p className="muted">{t('directory.page.noTickets')}</p>;
  return (
    <table className="compact" data-testid={testId}>
      <tbody>
        {tickets.map((ticket) => (
          <tr key={ticket.id}>
            <td className="mono">
              <a href={`#/tickets/${ticket.id}`}>{ticket.number}</a>
            </td>
            <td>
              <PriorityBadge priority={ticket.priority} />
            </td>
            <td>{ticket.title}</td>
            <td>
              <StatusBadge status={ticket.status} />
            </td>
            <td className="muted">{formatAge(ticket.createdAt)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** The same, as a short list for the ticket's side panel. */
export function TicketList({ tickets, testId }: { tickets: TicketSummary[]; testId?: string }) {
  const { t } = useTranslation();
  if (tickets.length === 0) return <p className="muted">{t('directory.ticket.none')}</p>;
  return (
    <ul data-testid={testId}>
      {tickets.map((ticket) => (
        <li key={ticket.id}>
          <a href={`#/tickets/${ticket.id}`} className="mono">
            {ticket.number}
          </a>{' '}
          <PriorityBadge priority={ticket.priority} /> {ticket.title}{' '}
          <span className="muted">· {t(`labels:status.${ticket.status}`)}</span>
        </li>
      ))}
    </ul>
  );
}

const Fact = ({ label, value }: { label: string; value: string }) =>
  value ? (
    <>
      <dt>{label}</dt>
      <dd>{value}</dd>
    </>
  ) : null;

export function PersonPage({ id }: { id: number }) {
  const { t } = useTranslation();
  const page = useQuery('directory.people.get', { id }, (c) => c.entity === 'directory' || c.entity === 'ticket');
  const name = page.data?.person.name ?? t('a11y.title.directory');
  useEffect(() => setTicketTitle(name, t('a11y.appName')), [name, t]);
  if (page.error) return <div className="banner error">{page.error.message}</div>;
  if (!page.data) return null;
  const { person, tickets, systems } = page.data;
  return (
    <div className="record-page" data-testid="person-page">
      <header className="view-header">
        <a href="#/directory/people">{t('directory.page.back')}</a>
        <h1 tabIndex={-1}>{person.name}</h1>
        {person.vip ? <span className="tag tag-vip">{t('directory.vip')}</span> : null}
        {person.active ? null : <span className="tag">{t('directory.inactive')}</span>}
      </header>
      <dl className="record-facts">
        <Fact label={t('directory.field.department')} value={person.department} />
        <Fact label={t('directory.field.email')} value={person.email} />
        <Fact label={t('directory.field.phone')} value={person.phone} />
        <Fact label={t('directory.field.location')} value={person.location} />
        <Fact label={t('directory.field.role')} value={person.role} />
        <Fact label={t('directory.page.systems')} value={systems.map((s) => s.name).join(', ')} />
        <Fact label={t('directory.field.notes')} value={person.notes} />
      </dl>
      <h2>{t('directory.page.tickets')}</h2>
      <TicketLinks tickets={tickets} testId="person-tickets" />
    </div>
  );
}

export function SystemPage({ id }: { id: number }) {
  const { t } = useTranslation();
  const page = useQuery('directory.systems.get', { id }, (c) => c.entity === 'directory' || c.entity === 'ticket');
  const providers = useQuery('msp.providers.list', {});
  const name = page.data?.system.name ?? t('a11y.title.directory');
  useEffect(() => setTicketTitle(name, t('a11y.appName')), [name, t]);
  if (page.error) return <div className="banner error">{page.error.message}</div>;
  if (!page.data) return null;
  const { system, owner, openTickets, recentTickets } = page.data;
  const provider = providers.data?.providers.find((p) => p.id === system.providerId)?.name ?? system.providerId;
  return (
    <div className="record-page" data-testid="system-page">
      <header className="view-header">
        <a href="#/directory/systems">{t('directory.page.back')}</a>
        <h1 tabIndex={-1}>{system.name}</h1>
        <span className={`tag crit-${system.criticality}`}>{t(`directory.criticality.${system.criticality}`)}</span>
        {system.retired ? <span className="tag">{t('directory.retired')}</span> : null}
      </header>
      <dl className="record-facts">
        <Fact label={t('directory.field.kind')} value={t(`directory.kind.${system.kind}`)} />
        <Fact label={t('directory.field.systemLocation')} value={system.location} />
        <Fact label={t('directory.col.department')} value={system.departments.join(', ')} />
        <Fact label={t('directory.col.processes')} value={system.processes.join(', ')} />
        <Fact label={t('directory.page.owner')} value={owner?.name ?? ''} />
        <Fact label={t('directory.page.provider')} value={provider} />
        <Fact label={t('directory.field.notes')} value={system.notes} />
      </dl>
      <h2>{t('directory.page.openTickets')}</h2>
      <TicketLinks tickets={openTickets} testId="system-open-tickets" />
      <h2>{t('directory.page.recentTickets')}</h2>
      <TicketLinks tickets={recentTickets} />
    </div>
  );
}
