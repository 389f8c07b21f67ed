import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client';
import { useClient } from '../../api/context';
import { useQuery } from '../../api/useQuery';
import { formatDateTime } from '../../components/format';
import { useUi } from '../../state/ui';

/** The ticket's mails going out (replies, acknowledgements) with their state: waiting, sent, or failed and why. */
export function TicketMail({ ticketId }: { ticketId: number }) {
  const { t } = useTranslation();
  const client = useClient();
  const toast = useUi((s) => s.toast);
  const outbox = useQuery(
    'mail.outbox.list',
    { ticketId, limit: 50 },
    (c) => c.entity === 'mail' || (c.entity === 'ticket' && c.ids.includes(ticketId)),
  );
  const items = outbox.data?.items ?? [];
  if (!items.length) return null;
  const retry = async (id: number) => {
    try {
      await client.call('mail.outbox.retry', { id });
    } catch (error) {
      toast('error', error instanceof ApiError ? error.message : String(error));
    }
  };
  return (
    <section className="panel-section ticket-mail" data-testid="ticket-mail">
      <h3>{t('mail.outbox.heading')}</h3>
      <ul className="plain-list">
        {items.map((item) => (
          <li key={item.id} data-testid={`outbox-${item.id}`} data-state={item.state}>
            <span className={`tag outbox-${item.state}`}>{t(`mail.outbox.state.${item.state}`)}</span>{' '}
            <span>{t(`mail.outbox.kind.${item.kind}`)}</span> <span className="muted">→ {item.to}</span>
            <div className="muted small">
              {formatDateTime(item.sentAt ?? item.createdAt)}
              {item.state === 'failed' ? ` · ${t('mail.outbox.attempts', { count: item.attempts })}` : ''}
              {item.state === 'failed' && item.nextAttemptAt
                ? ` · ${t('mail.outbox.nextTry', { at: formatDateTime(item.nextAttemptAt) })}`
                : ''}
            </div>
            {item.state === 'failed' ? (
              <>
                <div className="small error-text">{item.lastError}</div>
                <button type="button" className="quiet" onClick={() => void retry(item.id)}>
                  {t('mail.outbox.retry')}
                </button>
              </>
            ) : null}
          </li>
        ))}
      </ul>
    </section>
  );
}
