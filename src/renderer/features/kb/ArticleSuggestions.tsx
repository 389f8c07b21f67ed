import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MethodInput } from '../../../shared/contract';
import type { KbHit } from '../../../shared/domain/kb';
import { useQuery } from '../../api/useQuery';
import { Kbd } from '../../components/Badges';
import { renderMarkdown } from '../../components/markdown';
import { Marked } from './Marked';
import { useSettled } from '../../components/useSettled';
import './kb.css';

type Props = {
  intake: Omit<MethodInput<'kb.suggest'>, 'language' | 'limit'>;
  linked: ReadonlySet<number>;
  onToggleLink: (hit: KbHit) => void;
  /** Hits already linked are not offered again (the ticket view lists them itself). */
  hideLinked?: boolean;
};

/**
 * The best articles for what is being typed, beside the form. Alt+1…5 opens one here (its text in place), Alt+L
 * links the open one (or unlinks it); clicks do the same.
 */
export function ArticleSuggestions({ intake, linked, onToggleLink, hideLinked = false }: Props) {
  const { t, i18n } = useTranslation();
  const language = i18n.language === 'en' ? 'en' : 'de';
  const settled = useSettled(intake, 150);
  const suggestions = useQuery('kb.suggest', { ...settled, language }, (c) => c.entity === 'kb');
  const hits = (suggestions.data?.hits ?? []).filter((hit) => !hideLinked || !linked.has(hit.id));
  const [open, setOpen] = useState<number | null>(null);
  const opened = hits.find((hit) => hit.id === open) ?? null;
  const article = useQuery('kb.articles.get', opened ? { id: opened.id } : null, (c) => c.entity === 'kb');

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (!event.altKey || event.ctrlKey || event.metaKey) return;
      const n = /^Digit([1-5])$/.exec(event.code)?.[1];
      if (n) {
        const hit = hits[Number(n) - 1];
        if (!hit) return;
        event.preventDefault();
        setOpen((current) => (current === hit.id ? null : hit.id));
      } else if (event.code === 'KeyL' && opened) {
        event.preventDefault();
        onToggleLink(opened);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  });

  if (!hits.length) return null;
  const text = article.data?.article.texts[opened?.language ?? language];
  return (
    <section className="kb-suggestions" data-testid="kb-suggestions" aria-label={t('kb.suggestions')}>
      <h4>{t('kb.suggestions')}</h4>
      <ol>
        {hits.map((hit, i) => (
          <li key={hit.id} className={linked.has(hit.id) ? 'linked' : ''}>
            <button
              type="button"
              className="kb-hit-title"
              aria-expanded={open === hit.id}
              onClick={() => setOpen(open === hit.id ? null : hit.id)}
            >
              <Kbd>{`Alt+${i + 1}`}</Kbd> <Marked parts={hit.titleParts} />
            </button>
            <button
              type="button"
              className="quiet kb-link"
              aria-pressed={linked.has(hit.id)}
              data-testid="kb-suggestion-link"
              onClick={() => onToggleLink(hit)}
            >
              {linked.has(hit.id) ? t('kb.linked') : t('kb.link')}
            </button>
            <p className="kb-snippet muted">
              <Marked parts={hit.snippet} />
              {hit.helped > 0 ? <span className="kb-helped"> · {t('kb.helped', { count: hit.helped })}</span> : null}
            </p>
            {open === hit.id && text ? (
              <div className="kb-preview" data-testid="kb-preview">
                <div className="markdown" dangerouslySetInnerHTML={{ __html: renderMarkdown(text.body) }} />
                <p className="muted">{t('kb.linkHint')}</p>
              </div>
            ) : null}
          </li>
        ))}
      </ol>
    </section>
  );
}
