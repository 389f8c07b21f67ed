import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TemplateSummary } from '../../../shared/contract/checklists';
import { ApiError } from '../../api/client';
import { useClient } from '../../api/context';
import { useQuery } from '../../api/useQuery';
import { useUi } from '../../state/ui';
import { downloadText } from '../../local/download';
import { TemplateEditor } from './TemplateEditor';
import { TemplatePreview } from './TemplatePreview';
import './checklists.css';

/** The runbook library: search, preview, edit, export for the MSP, import, restore the shipped originals. */
export function LibraryView() {
  const { t, i18n } = useTranslation();
  const client = useClient();
  const toast = useUi((s) => s.toast);
  const language = i18n.language === 'en' ? 'en' : 'de';
  const [q, setQ] = useState('');
  const [selected, setSelected] = useState<string | null>(null);
  const [editing, setEditing] = useState(false);
  const picker = useRef<HTMLInputElement>(null);
  const list = useQuery(
    'checklists.templates.list',
    { language, ...(q.trim() ? { q: q.trim() } : {}) },
    (c) => c.entity === 'settings',
  );
  const items = list.data?.items ?? [];
  const current = selected ?? items[0]?.key ?? null;
  const stored = useQuery(
    'checklists.templates.get',
    current ? { key: current, language } : null,
    (c) => c.entity === 'settings',
  );

  const run = async (work: () => Promise<unknown>, done?: string) => {
    try {
      await work();
      if (done) toast('info', done);
    } catch (error) {
      toast('error', error instanceof ApiError ? error.message : String(error));
    }
  };
  const exportAs = (format: 'json' | 'markdown') =>
    current &&
    void run(async () => {
      const file = await client.call('checklists.templates.export', { key: current, language, format });
      downloadText(file.fileName, file.mimeType, file.content);
    });
  const importFile = (file: File) =>
    void run(async () => {
      const format = /\.json$/i.test(file.name) ? 'json' : 'markdown';
      const { saved } = await client.call('checklists.templates.import', {
        format,
        content: await file.text(),
        language,
      });
      setSelected(saved[0]?.key ?? null);
    }, t('checklists.imported'));

  const groups: [string, TemplateSummary[]][] = (['incident', 'serviceRequest', 'maintenance'] as const).map((kind) => [
    kind,
    items.filter((i) => i.kind === kind),
  ]);
  return (
    <div className="library-view">
      <header className="view-header">
        <h1 tabIndex={-1}>{t('checklists.libraryHeading')}</h1>
        <input
          className="library-search"
          value={q}
          placeholder={t('checklists.search')}
          aria-label={t('checklists.search')}
          onChange={(e) => setQ(e.target.value)}
        />
        <button type="button" onClick={() => picker.current?.click()}>
          {t('checklists.import')}
        </button>
        <input
          ref={picker}
          type="file"
          accept=".json,.md,.markdown,.txt"
          hidden
          data-testid="import-file"
          onChange={(e) => {
            const file = e.target.files?.[0];
            if (file) importFile(file);
            e.target.value = '';
          }}
        />
      </header>
      <div className="library-body">
        <nav className="library-list" data-testid="library-list" aria-label={t('checklists.libraryHeading')}>
          {groups.map(([kind, group]) =>
            group.length ? (
              <div key={kind}>
                <h4>{t(`checklists.kind.${kind}`)}</h4>
                {group.map((item) => (
                  <button
                    key={item.key}
                    type="button"
                    className={`library-item ${item.key === current ? 'on' : ''}`}
                    onClick={() => {
                      setSelected(item.key);
                      setEditing(false);
                    }}
                  >
                    <span>{item.title}</span>
                    <span className="muted">
                      {item.steps} · v{item.version}
                      {item.origin === 'custom'
                        ? ` · ${t('checklists.custom')}`
                        : item.changed
                          ? ` · ${t('checklists.changed')}`
                          : ''}
                    </span>
                  </button>
                ))}
              </div>
            ) : null,
          )}
        </nav>
        <section className="library-detail">
          {stored.data ? (
            <>
              <div className="library-actions">
                <h3>{stored.data.template.title}</h3>
                <button type="button" onClick={() => setEditing(true)} disabled={editing}>
                  {t('checklists.edit')}
                </button>
                <button type="button" onClick={() => exportAs('markdown')}>
                  {t('checklists.exportMarkdown')}
                </button>
                <button type="button" onClick={() => exportAs('json')}>
                  {t('checklists.exportJson')}
                </button>
                {stored.data.origin === 'seeded' && stored.data.changed ? (
                  <button
                    type="button"
                    onClick={() =>
                      void run(
                        () => client.call('checklists.templates.restore', { key: current!, language }),
                        t('checklists.restored'),
                      )
                    }
                  >
                    {t('checklists.restore')}
                  </button>
                ) : null}
                <button
                  type="button"
                  className="quiet"
                  onClick={() =>
                    void run(async () => {
                      await client.call('checklists.templates.remove', { key: current!, language });
                      setSelected(null);
                    }, t('checklists.removed'))
                  }
                >
                  {t('checklists.remove')}
                </button>
              </div>
              {editing ? (
                <TemplateEditor
                  key={`${current}-${stored.data.version}`}
                  template={stored.data.template}
                  version={stored.data.version}
                  onDone={(saved) => {
                    setEditing(false);
                    if (saved) toast('info', t('checklists.saved'));
                  }}
                />
              ) : (
                <TemplatePreview template={stored.data.template} />
              )}
            </>
          ) : null}
        </section>
      </div>
    </div>
  );
}
