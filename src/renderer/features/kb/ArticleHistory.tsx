import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client';
import { useClient } from '../../api/context';
import { useQuery } from '../../api/useQuery';
import { formatDateTime } from '../../components/format';
import { useUi } from '../../state/ui';

/** Unchanged text between changes, kept short: its start and end. */
const shortened = (text: string) => (text.length > 160 ? `${text.slice(0, 60)} … ${text.slice(-60)}` : text);

/** Every version, newest first, with what it changed (removed struck through, added underlined) and a restore. */
export function ArticleHistory({ id, current }: { id: number; current: number }) {
  const { t } = useTranslation();
  const client = useClient();
  const toast = useUi((s) => s.toast);
  const history = useQuery('kb.articles.history', { id }, (c) => c.entity === 'kb');
  const restore = async (version: number) => {
    try {
      const restored = await client.call('kb.articles.restore', { id, version });
      toast('info', t('kb.restored', { version, now: restored.version }));
    } catch (error) {
      toast('error', error instanceof ApiError ? error.message : String(error));
    }
  };
  const fieldName = (field: string) => {
    const [name, language] = field.split('.');
    const label = t(`kb.field.${name}`, { defaultValue: name });
    return language ? `${label} (${language.toUpperCase()})` : label;
  };
  return (
    <section className="kb-history" data-testid="kb-history" aria-label={t('kb.historyHeading')}>
      <h3>{t('kb.historyHeading')}</h3>
      <ol>
        {(history.data?.versions ?? []).map((version) => (
          <li key={version.version}>
            <div className="kb-version-head">
              <strong>{t('kb.version', { version: version.version })}</strong> · {formatDateTime(version.savedAt)} ·{' '}
              {version.savedBy}
              {version.note
                ? ` · „${version.note.startsWith('restore:') ? t('kb.restoreNote', { version: version.note.slice(8) }) : version.note}“`
                : ''}
              {version.version !== current ? (
                <button type="button" className="quiet" onClick={() => void restore(version.version)}>
                  {t('kb.restore')}
                </button>
              ) : null}
            </div>
            {version.version === 1 ? <p className="muted kb-change">{t('kb.firstVersion')}</p> : null}
            {(version.version === 1 ? [] : version.changes).map((change) => (
              <div key={change.field} className="kb-change">
                <span className="muted">{fieldName(change.field)}:</span>{' '}
                <span className="kb-diff">
                  {change.parts.map((part, i) =>
                    part.removed ? (
                      <del key={i}>{part.text}</del>
                    ) : part.added ? (
                      <ins key={i}>{part.text}</ins>
                    ) : (
                      <span key={i}>{shortened(part.text)}</span>
                    ),
                  )}
                </span>
              </div>
            ))}
          </li>
        ))}
      </ol>
    </section>
  );
}
