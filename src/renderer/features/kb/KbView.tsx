import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Language } from '../../../shared/domain/enums';
import type { ArticleSummary, KbHit } from '../../../shared/domain/kb';
import { ApiError } from '../../api/client';
import { useClient } from '../../api/context';
import { useQuery } from '../../api/useQuery';
import { formatDateTime } from '../../components/format';
import { downloadBase64 } from '../../local/download';
import { useUi } from '../../state/ui';
import { Marked } from './Marked';
import { useSettled } from '../../components/useSettled';
import './kb.css';

type Filter = 'all' | 'published' | 'draft' | 'archived' | 'review';
const FILTERS: Filter[] = ['all', 'published', 'draft', 'archived', 'review'];

/** The knowledge base: search (or the list by filter), new article, import/export, the starter articles. */
export function KbView() {
  const { t, i18n } = useTranslation();
  const client = useClient();
  const { navigate, toast } = useUi();
  const language: Language = i18n.language === 'en' ? 'en' : 'de';
  const [q, setQ] = useState('');
  const [filter, setFilter] = useState<Filter>('all');
  const files = useRef<HTMLInputElement>(null);
  const query = useSettled(q.trim(), 120);
  const listInput = {
    language,
    ...(filter === 'review' ? { reviewDue: true } : filter === 'all' ? {} : { state: filter }),
  };
  const list = useQuery('kb.articles.list', listInput, (c) => c.entity === 'kb');
  const search = useQuery(
    'kb.search',
    query ? { q: query, allStates: true, language, limit: 50 } : null,
    (c) => c.entity === 'kb',
  );

  const act = async (work: () => Promise<string>) => {
    try {
      toast('info', await work());
    } catch (error) {
      toast('error', error instanceof ApiError ? error.message : String(error));
    }
  };
  const importFiles = (picked: FileList | null) => {
    if (!picked?.length) return;
    void act(async () => {
      const read = await Promise.all([...picked].map(async (file) => ({ name: file.name, text: await file.text() })));
      const result = await client.call('kb.import', { files: read });
      return t('kb.imported', { created: result.created, updated: result.updated, unchanged: result.unchanged });
    });
    if (files.current) files.current.value = '';
  };

  const rows: (ArticleSummary | KbHit)[] = query
    ? (search.data?.hits ?? []).filter(
        (hit) => filter === 'all' || (filter === 'review' ? hit.reviewDue : hit.state === filter),
      )
    : (list.data?.articles ?? []);
  const empty = !query && list.data?.total === 0 && filter === 'all';
  return (
    <div className="kb-view">
      <header className="view-header">
        <h1 tabIndex={-1}>{t('kb.heading')}</h1>
        <input
          type="search"
          className="kb-search"
          placeholder={t('kb.search')}
          aria-label={t('kb.search')}
          value={q}
          onChange={(e) => setQ(e.target.value)}
          data-testid="kb-search"
        />
        <div className="spacer" />
        <button type="button" className="quiet" onClick={() => files.current?.click()}>
          {t('kb.import')}
        </button>
        <input
          ref={files}
          type="file"
          multiple
          accept=".md,text/markdown"
          hidden
          onChange={(e) => importFiles(e.target.files)}
          data-testid="kb-import-files"
        />
        <button
          type="button"
          className="quiet"
          onClick={() =>
            void act(async () => {
              const zip = await client.call('kb.export', {});
              downloadBase64(zip.fileName, 'application/zip', zip.contentBase64);
              return t('kb.exported', { count: zip.articles, file: zip.fileName });
            })
          }
        >
          {t('kb.export')}
        </button>
        <button type="button" className="primary" onClick={() => navigate({ name: 'articleNew' })} data-testid="kb-new">
          {t('kb.new')}
        </button>
      </header>
      <div className="kb-filters" role="group" aria-label={t('kb.filter')}>
        {FILTERS.map((f) => (
          <button
            key={f}
            type="button"
            aria-pressed={filter === f}
            className={filter === f ? 'on' : ''}
            onClick={() => setFilter(f)}
          >
            {t(`kb.filters.${f}`)}
          </button>
        ))}
      </div>
      {empty ? (
        <div className="kb-empty">
          <p>{t('kb.empty')}</p>
          <button
            type="button"
            className="primary"
            data-testid="kb-starter"
            onClick={() =>
              void act(async () => {
                const result = await client.call('kb.import', { starter: true });
                return t('kb.starterAdded', { count: result.created });
              })
            }
          >
            {t('kb.starter')}
          </button>
        </div>
      ) : (
        <table className="kb-list" data-testid="kb-list">
          <thead>
            <tr>
              <th>{t('kb.col.title')}</th>
              <th>{t('kb.col.kind')}</th>
              <th>{t('kb.col.state')}</th>
              <th>{t('kb.col.helped')}</th>
              <th>{t('kb.col.updated')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.id}>
                <td>
                  <a href={`#/kb/${row.id}`} className="kb-title">
                    {'titleParts' in row ? <Marked parts={row.titleParts} /> : row.title}
                  </a>
                  <span className="kb-langs">{row.languages.join(' · ').toUpperCase()}</span>
                  {'snippet' in row ? (
                    <p className="kb-snippet muted">
                      <Marked parts={row.snippet} />
                    </p>
                  ) : null}
                </td>
                <td>{t(`kb.kind.${row.kind}`)}</td>
                <td>
                  <span className={`kb-state kb-state-${row.state}`}>{t(`kb.state.${row.state}`)}</span>
                  {row.reviewDue ? <span className="kb-state kb-review">{t('kb.reviewDue')}</span> : null}
                </td>
                <td>{row.helped ? t('kb.helped', { count: row.helped }) : '–'}</td>
                <td>{'updatedAt' in row && row.updatedAt ? formatDateTime(row.updatedAt) : ''}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {query && rows.length === 0 && search.data ? <p className="muted">{t('kb.noHits', { q: query })}</p> : null}
    </div>
  );
}
