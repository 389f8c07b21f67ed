import { useTranslation } from 'react-i18next';
import type { Ticket } from '../../../shared/domain/ticket';
import { ApiError } from '../../api/client';
import { useClient } from '../../api/context';
import { useQuery } from '../../api/useQuery';
import { useUi } from '../../state/ui';
import { ArticleSuggestions } from './ArticleSuggestions';

/**
 * In a ticket: the articles linked to it (each opens, each can be unlinked), suggestions from its text, and
 * "create article" that drafts one from this ticket.
 */
export function TicketArticles({ ticket }: { ticket: Ticket }) {
  const { t, i18n } = useTranslation();
  const language = i18n.language === 'en' ? 'en' : 'de';
  const client = useClient();
  const { navigate, toast } = useUi();
  const linked = useQuery('kb.links.forTicket', { ticketId: ticket.id, language }, (c) => c.entity === 'kb');
  const articles = linked.data?.articles ?? [];
  const ids = new Set(articles.map((a) => a.id));
  const toggle = async (articleId: number) => {
    try {
      await client.call(ids.has(articleId) ? 'kb.links.remove' : 'kb.links.add', { articleId, ticketId: ticket.id });
    } catch (error) {
      toast('error', error instanceof ApiError ? error.message : String(error));
    }
  };
  const done = ticket.status === 'resolved' || ticket.status === 'closed';
  return (
    <section className="panel-section kb-panel" data-testid="kb-panel" aria-label={t('kb.ticket.heading')}>
      <h3>{t('kb.ticket.heading')}</h3>
      {articles.length ? (
        <ul className="kb-linked" data-testid="kb-linked">
          {articles.map((article) => (
            <li key={article.id}>
              <a href={`#/kb/${article.id}`}>{article.title}</a>
              <button type="button" className="quiet" onClick={() => void toggle(article.id)}>
                {t('kb.unlink')}
              </button>
            </li>
          ))}
        </ul>
      ) : (
        <p className="muted">{t('kb.ticket.none')}</p>
      )}
      {done ? null : (
        <ArticleSuggestions
          intake={{
            title: ticket.title,
            description: ticket.description,
            affectedSystems: ticket.firstContact.affectedSystems,
            systemIds: ticket.firstContact.systemIds,
          }}
          linked={ids}
          hideLinked
          onToggleLink={(hit) => void toggle(hit.id)}
        />
      )}
      <button
        type="button"
        className={done ? 'primary' : 'quiet'}
        data-testid="kb-draft-from-ticket"
        onClick={() => navigate({ name: 'articleNew', fromTicket: ticket.id })}
      >
        {t('kb.ticket.createArticle')}
      </button>
    </section>
  );
}
