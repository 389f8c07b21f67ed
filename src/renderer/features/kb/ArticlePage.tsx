import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Language } from '../../../shared/domain/enums';
import type { Article, ArticleContent } from '../../../shared/domain/kb';
import { ApiError } from '../../api/client';
import { useClient } from '../../api/context';
import { useQuery } from '../../api/useQuery';
import { StatusBadge } from '../../components/Badges';
import { formatDateTime } from '../../components/format';
import { renderMarkdown } from '../../components/markdown';
import { useUi } from '../../state/ui';
import { ArticleEditor } from './ArticleEditor';
import { ArticleHistory } from './ArticleHistory';
import './kb.css';

const blank = (owner: string, language: Language): ArticleContent => ({
  slug: '',
  kind: 'solution',
  audience: 'internal',
  state: 'draft',
  owner,
  reviewAt: null,
  categories: [],
  systemIds: [],
  tags: [],
  texts: { [language]: { title: '', body: '', requesterText: '' } },
});

/** The saved fields of an article: all but what the desk adds (id, version, times, counts). */
const contentOf = ({
  id: _id,
  version: _version,
  createdAt: _created,
  updatedAt: _updated,
  updatedBy: _by,
  helped: _helped,
  reviewDue: _due,
  ...content
}: Article): ArticleContent => content;

/** One article: read it (either language), edit it, its history and the tickets it helped with. */
export function ArticlePage({ id, fromTicket = null }: { id: number | null; fromTicket?: number | null }) {
  const { t, i18n } = useTranslation();
  const client = useClient();
  const { navigate, toast } = useUi();
  const uiLanguage: Language = i18n.language === 'en' ? 'en' : 'de';
  const article = useQuery('kb.articles.get', id !== null ? { id } : null, (c) => c.entity === 'kb');
  const settings = useQuery('settings.get', {}, (c) => c.entity === 'settings');
  const draft = useQuery(
    'kb.draftFromTicket',
    fromTicket !== null ? { ticketId: fromTicket, language: uiLanguage } : null,
    () => false,
  );
  const [editing, setEditing] = useState(id === null);
  const [shown, setShown] = useState<Language | null>(null);
  const [history, setHistory] = useState(false);

  if (id === null) {
    const initial =
      fromTicket !== null
        ? draft.data?.content
        : settings.data
          ? blank(settings.data.coordinatorName, uiLanguage)
          : undefined;
    if (!initial) return null;
    return (
      <div className="kb-article">
        <header className="view-header">
          <h1 tabIndex={-1}>{fromTicket !== null ? t('kb.fromTicket') : t('kb.new')}</h1>
        </header>
        <ArticleEditor
          id={null}
          version={null}
          initial={initial}
          onSaved={(saved) => navigate({ name: 'article', id: saved })}
          onCancel={() =>
            fromTicket !== null ? navigate({ name: 'ticket', id: fromTicket }) : navigate({ name: 'kb' })
          }
        />
      </div>
    );
  }
  if (article.error) return <p className="form-error">{article.error.message}</p>;
  if (!article.data) return null;
  const { article: a, tickets } = article.data;
  const language: Language = shown ?? (a.texts[uiLanguage] ? uiLanguage : a.texts.de ? 'de' : 'en');
  const text = a.texts[language];
  const remove = async () => {
    try {
      await client.call('kb.articles.remove', { id: a.id });
      toast('info', t('kb.removed'));
      navigate({ name: 'kb' });
    } catch (error) {
      toast('error', error instanceof ApiError ? error.message : String(error));
    }
  };
  return (
    <div className="kb-article" data-testid="kb-article">
      <header className="view-header">
        <a href="#/kb" className="quiet">
          ← {t('kb.heading')}
        </a>
        <h1 tabIndex={-1}>{text?.title}</h1>
        <span className={`kb-state kb-state-${a.state}`}>{t(`kb.state.${a.state}`)}</span>
        {a.reviewDue ? <span className="kb-state kb-review">{t('kb.reviewDue')}</span> : null}
        <div className="spacer" />
        {editing ? null : (
          <>
            <button type="button" className="quiet" onClick={() => setHistory(!history)} aria-pressed={history}>
              {t('kb.history', { count: a.version })}
            </button>
            <button type="button" className="quiet" onClick={() => void remove()}>
              {t('kb.remove')}
            </button>
            <button type="button" className="primary" onClick={() => setEditing(true)} data-testid="kb-edit">
              {t('kb.edit')}
            </button>
          </>
        )}
      </header>
      {editing ? (
        <ArticleEditor
          key={a.version}
          id={a.id}
          version={a.version}
          initial={contentOf(a)}
          onSaved={() => setEditing(false)}
          onCancel={() => setEditing(false)}
        />
      ) : (
        <div className="kb-read">
          <article className="kb-text">
            <div className="kb-lang-tabs">
              {(['de', 'en'] as const)
                .filter((l) => a.texts[l])
                .map((l) => (
                  <button
                    key={l}
                    type="button"
                    className={l === language ? 'on' : ''}
                    aria-pressed={l === language}
                    onClick={() => setShown(l)}
                  >
                    {t(`kb.lang.${l}`)}
                  </button>
                ))}
            </div>
            <div className="markdown" dangerouslySetInnerHTML={{ __html: renderMarkdown(text?.body ?? '') }} />
            {text?.requesterText ? (
              <>
                <h3>{t('kb.field.requesterText')}</h3>
                <div
                  className="markdown kb-requester"
                  dangerouslySetInnerHTML={{ __html: renderMarkdown(text.requesterText) }}
                />
              </>
            ) : null}
          </article>
          <aside className="kb-meta">
            <dl>
              <dt>{t('kb.field.kind')}</dt>
              <dd>{t(`kb.kind.${a.kind}`)}</dd>
              <dt>{t('kb.field.audience')}</dt>
              <dd>{t(`kb.audience.${a.audience}`)}</dd>
              <dt>{t('kb.field.owner')}</dt>
              <dd>{a.owner || '–'}</dd>
              <dt>{t('kb.field.reviewAt')}</dt>
              <dd>{a.reviewAt ?? '–'}</dd>
              <dt>{t('kb.tags')}</dt>
              <dd>{a.tags.join(', ') || '–'}</dd>
              <dt>{t('kb.field.categories')}</dt>
              <dd>{a.categories.map((c) => t(`labels:category.${c}`)).join(', ') || '–'}</dd>
              <dt>{t('kb.updated')}</dt>
              <dd>
                {formatDateTime(a.updatedAt)} · {a.updatedBy}
              </dd>
            </dl>
            <h3>{t('kb.helped', { count: a.helped })}</h3>
            <ul className="kb-tickets">
              {tickets.map((ticket) => (
                <li key={ticket.id}>
                  <a href={`#/tickets/${ticket.id}`}>
                    {ticket.number} {ticket.title}
                  </a>{' '}
                  <StatusBadge status={ticket.status} />
                </li>
              ))}
            </ul>
          </aside>
        </div>
      )}
      {history && !editing ? <ArticleHistory id={a.id} current={a.version} /> : null}
    </div>
  );
}
