import { useTranslation } from 'react-i18next';
import { useQuery } from '../../api/useQuery';
import { TicketList } from './RecordPages';

/** In a ticket: the requester's other recent tickets and each named system's open tickets, linked to their pages. */
export function DirectoryPanel({ ticketId }: { ticketId: number }) {
  const { t } = useTranslation();
  const view = useQuery('directory.forTicket', { ticketId }, (c) => c.entity === 'ticket' || c.entity === 'directory');
  if (!view.data) return null;
  const { person, systems } = view.data;
  return (
    <section
      className="panel-section directory-panel"
      data-testid="directory-panel"
      aria-label={t('directory.ticket.heading')}
    >
      <h3>{t('directory.ticket.heading')}</h3>
      {!person && systems.length === 0 ? <p className="muted">{t('directory.ticket.notLinked')}</p> : null}
      {person ? (
        <>
          <h4>
            {t('directory.ticket.otherTickets', { name: '' })}
            <a href={`#/directory/people/${person.person.id}`}>{person.person.name}</a>
            {person.person.vip ? <span className="tag tag-vip">{t('directory.vip')}</span> : null}
          </h4>
          <TicketList tickets={person.recentTickets} testId="person-recent" />
        </>
      ) : null}
      {systems.map(({ system, openTickets }) => (
        <div key={system.id}>
          <h4>
            {t('directory.ticket.openOf', { name: '' })}
            <a href={`#/directory/systems/${system.id}`}>{system.name}</a>
            {system.criticality === 'critical' ? (
              <span className="tag crit-critical">{t('directory.criticality.critical')}</span>
            ) : null}
          </h4>
          <TicketList tickets={openTickets} testId={`system-open-${system.id}`} />
        </div>
      ))}
    </section>
  );
}
