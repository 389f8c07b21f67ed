import './problems.css';
import { useTranslation } from 'react-i18next';
import type { Ticket } from '../../../shared/domain/ticket';
import { ApiError } from '../../api/client';
import { useClient } from '../../api/context';
import { useQuery } from '../../api/useQuery';
import { useUi } from '../../state/ui';
import { MatchCard } from './ProblemMatches';

/** In a ticket: the problem it belongs to (with its workaround), or the open problems it reads like. */
export function TicketProblem({ ticket }: { ticket: Ticket }) {
  const { t } = useTranslation();
  const client = useClient();
  const { toast } = useUi();
  const found = useQuery(
    'problems.forTicket',
    { ticketId: ticket.id },
    (c) => c.entity === 'problem' || c.entity === 'ticket',
  );
  const open = useQuery('problems.list', { openOnly: true }, (c) => c.entity === 'problem');
  const call = async (work: () => Promise<unknown>) => {
    try {
      await work();
    } catch (error) {
      toast('error', error instanceof ApiError ? error.message : String(error));
    }
  };
  const link = (problemId: number) =>
    void call(() => client.call('problems.link', { problemId, ticketIds: [ticket.id] }));
  const linked = found.data?.linked ?? null;
  const others = (open.data?.problems ?? []).filter((p) => !found.data?.matches.some((m) => m.id === p.id));
  return (
    <section className="panel-section" aria-label={t('problems.ticket.heading')} data-testid="ticket-problem">
      <h3>{t('problems.ticket.heading')}</h3>
      {linked ? (
        <div className="problem-match chosen">
          <p>
            <a href={`#/problems/${linked.id}`}>{linked.title}</a>{' '}
            <span className={`problem-state problem-state-${linked.state}`}>{t(`problems.state.${linked.state}`)}</span>
          </p>
          {linked.workaround ? (
            <p className="problem-workaround">
              <strong>{t('problems.field.workaround')}:</strong> {linked.workaround}
            </p>
          ) : null}
          <button
            type="button"
            className="quiet"
            onClick={() =>
              void call(() => client.call('problems.unlink', { problemId: linked.id, ticketId: ticket.id }))
            }
          >
            {t('problems.unlink')}
          </button>
        </div>
      ) : (
        <>
          {(found.data?.matches ?? []).map((m) => (
            <MatchCard key={m.id} match={m} chosen={false} onToggle={() => link(m.id)} />
          ))}
          {others.length ? (
            <select
              aria-label={t('problems.ticket.pick')}
              value=""
              onChange={(e) => e.target.value && link(Number(e.target.value))}
            >
              <option value="">{t('problems.ticket.pick')}</option>
              {others.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.title}
                </option>
              ))}
            </select>
          ) : null}
          {!found.data?.matches.length && !others.length ? <p className="muted">{t('problems.ticket.none')}</p> : null}
        </>
      )}
    </section>
  );
}
