import { useTranslation } from 'react-i18next';
import type { Language } from '../../../shared/domain/enums';
import { ApiError } from '../../api/client';
import { useClient } from '../../api/context';
import { useQuery } from '../../api/useQuery';
import { useUi } from '../../state/ui';

/**
 * In a status message: the ticket's linked articles, each inserting its text for requesters (an article written
 * for requesters inserts its body) in the message's language into the text on screen, where it can be edited.
 */
export function ArticleInsert({
  ticketId,
  language,
  onInsert,
  disabled,
}: {
  ticketId: number;
  language: Language;
  disabled: boolean;
  onInsert: (text: string) => void;
}) {
  const { t } = useTranslation();
  const client = useClient();
  const toast = useUi((s) => s.toast);
  const linked = useQuery('kb.links.forTicket', { ticketId, language }, (c) => c.entity === 'kb');
  const articles = linked.data?.articles ?? [];
  if (!articles.length) return null;
  const insert = async (id: number) => {
    try {
      const { article } = await client.call('kb.articles.get', { id });
      const text = article.texts[language] ?? article.texts.de ?? article.texts.en;
      const wanted = text?.requesterText || (article.audience === 'requesters' ? text?.body : '') || '';
      if (!wanted) toast('error', t('kb.noRequesterText', { title: text?.title ?? '' }));
      else onInsert(wanted);
    } catch (error) {
      toast('error', error instanceof ApiError ? error.message : String(error));
    }
  };
  return (
    <div className="kb-insert" data-testid="kb-insert">
      <span className="muted">{t('kb.insert')}</span>
      {articles.map((article) => (
        <button
          key={article.id}
          type="button"
          className="quiet"
          disabled={disabled}
          onClick={() => void insert(article.id)}
        >
          {article.title}
        </button>
      ))}
    </div>
  );
}
