import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Ticket } from '../../../shared/domain/ticket';
import { ApiError } from '../../api/client';
import { useClient } from '../../api/context';
import { useQuery } from '../../api/useQuery';
import { useUi } from '../../state/ui';
import { DirectoryCombobox } from './DirectoryCombobox';
import { TicketList } from './RecordPages';

/**
 * In a ticket: the requester's other recent tickets and each named system's open tickets, linked to their pages;
 * a requester typed in at intake can be picked from the directory here, and systems added (the triage follows).
 */
export function DirectoryPanel({ ticket }: { ticket: Ticket }) {
  const { t } = useTranslation();
  const client = useClient();
  const toast = useUi((s) => s.toast);
  const [personText, setPersonText] = useState('');
  const [systemText, setSystemText] = useState('');
  const ticketId = ticket.id;
  const view = useQuery('directory.forTicket', { ticketId }, (c) => c.entity === 'ticket' || c.entity === 'directory');
  if (!view.data) return null;
  const { person, systems } = view.data;
  const patch = async (change: Parameters<typeof client.call<'tickets.update'>>[1]['patch']) => {
    try {
      await client.call('tickets.update', { id: ticket.id, expectedVersion: ticket.version, patch: change });
    } catch (error) {
      toast('error', error instanceof ApiError ? error.message : String(error));
    }
  };
  const closed = ticket.status === 'resolved' || ticket.status === 'closed';
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
      {!person && !closed ? (
        <label>
          {t('directory.picker.person')}
          <DirectoryCombobox
            kinds={['person']}
            value={personText}
            onText={setPersonText}
            clearOnPick
            onPick={(hit) =>
              void patch({
                requester: {
                  name: hit.label,
                  department: hit.fill?.department ?? ticket.requester.department,
                  email: hit.fill?.email ?? ticket.requester.email,
                  phone: hit.fill?.phone ?? ticket.requester.phone,
                  personId: hit.id,
                },
              })
            }
            inputProps={{ placeholder: ticket.requester.name, 'data-testid': 'ticket-person-picker' }}
          />
        </label>
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
      {closed ? null : (
        <label>
          {t('directory.picker.systems')}
          <DirectoryCombobox
            kinds={['system']}
            value={systemText}
            onText={setSystemText}
            clearOnPick
            onPick={(hit) =>
              ticket.firstContact.systemIds.includes(hit.id)
                ? undefined
                : void patch({
                    firstContact: { ...ticket.firstContact, systemIds: [...ticket.firstContact.systemIds, hit.id] },
                  })
            }
            inputProps={{ placeholder: t('directory.picker.typeToSearch'), 'data-testid': 'ticket-system-picker' }}
          />
        </label>
      )}
    </section>
  );
}
