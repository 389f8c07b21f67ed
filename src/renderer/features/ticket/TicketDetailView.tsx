import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useQuery } from '../../api/useQuery';
import { Kbd, StatusBadge } from '../../components/Badges';
import { formatAge } from '../../components/format';
import { useUi } from '../../state/ui';
import { ChecklistPanel } from '../checklists/ChecklistPanel';
import { ForwardDialog } from '../msp/ForwardDialog';
import { MspPanel, useReplyImport } from '../msp/MspPanel';
import { DirectoryPanel } from '../directory/DirectoryPanel';
import { TicketArticles } from '../kb/TicketArticles';
import { TicketProblem } from '../problems/TicketProblem';
import '../msp/msp.css';
import { Attachments, useAttach } from './Attachments';
import { MessageComposer } from './MessageComposer';
import type { MessageKind } from '../../../shared/domain/messages';
import { NoteComposer } from './NoteComposer';
import { PropertiesPanel } from './PropertiesPanel';
import { SlaPanel } from './SlaPanel';
import { StatusActions } from './StatusActions';
import { Timeline } from './Timeline';
import { useKeys } from './useShortcut';
import { setTicketTitle } from '../../app/viewFocus';
import { MailTriage } from '../mail/MailTriage';
import { TicketMail } from '../mail/TicketMail';
import { NeedsTriageBadge } from '../mail/NeedsTriageBadge';

export function TicketDetailView({ id }: { id: number }) {
  const { t } = useTranslation();
  const navigate = useUi((s) => s.navigate);
  const mine = (change: { entity: string; ids: number[] }) => change.entity === 'ticket' && change.ids.includes(id);
  const detail = useQuery('tickets.get', { id }, mine);
  const timeline = useQuery('tickets.timeline', { id }, mine);
  const sla = useQuery('sla.status', { id }, (change) => mine(change) || change.entity === 'settings');
  const attach = useAttach(id);
  const { escalated, importReply } = useReplyImport(id);
  const [dragging, setDragging] = useState(false);
  const [messaging, setMessaging] = useState<MessageKind | null>(null);
  const [forwarding, setForwarding] = useState(false);
  useKeys({
    Escape: () => (forwarding ? setForwarding(false) : messaging ? setMessaging(null) : navigate({ name: 'tickets' })),
    m: () => setMessaging(defaultKind),
    e: () => !closed && setForwarding(true),
  });

  const ticketNow = detail.data?.ticket;
  const titleText = ticketNow
    ? t('a11y.title.ticket', { number: ticketNow.number, title: ticketNow.title })
    : t('a11y.title.tickets');
  useEffect(() => setTicketTitle(titleText, t('a11y.appName')), [titleText, t]);
  const closed = ticketNow?.status === 'resolved' || ticketNow?.status === 'closed';
  const defaultKind: MessageKind = closed ? 'resolved' : 'received';
  if (detail.error && !detail.data) return <div className="banner error">{detail.error.message}</div>;
  if (!detail.data) return null;
  const { ticket, attachments, notes } = detail.data;
  const lastReply = [...notes].reverse().find((n) => n.kind === 'reply');
  return (
    <div
      className={`detail ${dragging ? 'dragging' : ''}`}
      onDragOver={(e) => {
        if (!e.dataTransfer.types.includes('Files')) return;
        e.preventDefault();
        setDragging(true);
      }}
      onDragLeave={(e) => e.currentTarget === e.target && setDragging(false)}
      onDrop={(e) => {
        e.preventDefault();
        setDragging(false);
        const files = Array.from(e.dataTransfer.files);
        // A provider's reply mail dropped on a forwarded ticket is read as its reply; anything else is attached.
        const replies = escalated ? files.filter((f) => /\.eml$/i.test(f.name)) : [];
        for (const reply of replies) void importReply(reply);
        const rest = files.filter((f) => !replies.includes(f));
        if (rest.length) void attach(rest);
      }}
    >
      <header className="detail-header">
        <button type="button" className="quiet back" onClick={() => navigate({ name: 'tickets' })}>
          ← {t('nav.tickets')}
        </button>
        <div className="detail-title">
          <span className="mono muted">{ticket.number}</span>
          <h1 tabIndex={-1}>{ticket.title}</h1>
          <StatusBadge status={ticket.status} />
          {ticket.needsTriage ? <NeedsTriageBadge /> : null}
          <span className="muted">{t('detail.age', { age: formatAge(ticket.createdAt) })}</span>
        </div>
        <StatusActions ticket={ticket} onResolved={() => !lastReply && setMessaging('resolved')} />
      </header>
      <div className="detail-body">
        <div className="detail-main">
          {ticket.needsTriage ? <MailTriage key={ticket.version} ticket={ticket} /> : null}
          {ticket.description ? <p className="description">{ticket.description}</p> : null}
          {ticket.resolution ? (
            <p className="resolution">
              <strong>{t('detail.resolutionShown')}:</strong> {ticket.resolution}
            </p>
          ) : null}
          <p className="comms muted" data-testid="comms">
            {t('detail.comms', {
              assignee: ticket.assignee ?? t('detail.unassigned'),
              status: t(`labels:status.${ticket.status}`),
            })}
            {lastReply
              ? ` · ${t('detail.lastReply', { age: formatAge(lastReply.createdAt) })}`
              : ` · ${t('detail.noReplyYet')}`}
          </p>
          {closed ? null : (
            <button
              type="button"
              className="message-open"
              onClick={() => setForwarding(true)}
              data-testid="forward-open"
            >
              {t('msp.forward')} <Kbd>e</Kbd>
            </button>
          )}
          {messaging ? (
            <MessageComposer ticketId={ticket.id} initialKind={messaging} onClose={() => setMessaging(null)} />
          ) : (
            <button type="button" className="message-open" onClick={() => setMessaging(defaultKind)}>
              {t('message.open')} <Kbd>m</Kbd>
            </button>
          )}
          <ChecklistPanel ticket={ticket} />
          <NoteComposer ticketId={ticket.id} />
          <h3 className="section-title">{t('detail.timeline')}</h3>
          <Timeline events={timeline.data?.events ?? []} />
        </div>
        <div className="detail-side">
          <PropertiesPanel ticket={ticket}>
            {sla.data ? <SlaPanel sla={sla.data} /> : null}
            <MspPanel ticketId={ticket.id} />
            <DirectoryPanel ticket={ticket} />
            <TicketProblem ticket={ticket} />
            <TicketArticles ticket={ticket} />
          </PropertiesPanel>
          <TicketMail ticketId={ticket.id} />
          <Attachments ticketId={ticket.id} attachments={attachments} />
        </div>
      </div>
      {forwarding ? (
        <ForwardDialog ticket={ticket} attachments={attachments} onClose={() => setForwarding(false)} />
      ) : null}
    </div>
  );
}
