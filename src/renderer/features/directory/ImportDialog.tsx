import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CsvImportInput, DirectoryKind, ImportPreview } from '../../../shared/contract/directory';

type Mapping = NonNullable<CsvImportInput['mapping']>;
import { importFields } from '../../../shared/domain/directory';
import { importFieldLabels } from '../../../shared/i18n/directoryImport';
import { ApiError } from '../../api/client';
import { useClient } from '../../api/context';
import { useQuery } from '../../api/useQuery';
import { Modal } from '../../components/Modal';
import { useUi } from '../../state/ui';
import { fileAsBase64 } from './inputs';

type Source =
  | { kind: 'csv'; fileName: string; contentBase64: string; mapping: Mapping }
  | { kind: 'ldap'; url: string; bindDn: string; password: string; baseDn: string; filter: string };

/**
 * Import in two steps: choose the file (or the LDAP server), see the dry run — what is new, changed, unchanged,
 * invalid and why, row by row — adjust the column mapping, then apply exactly what the preview showed.
 */
export function ImportDialog({ kind, onClose }: { kind: DirectoryKind; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const client = useClient();
  const toast = useUi((s) => s.toast);
  const [source, setSource] = useState<Source | null>(null);
  const [mode, setMode] = useState<'csv' | 'ldap'>('csv');
  const settings = useQuery('settings.get', {}, () => false);
  type LdapForm = { url: string; bindDn: string; password: string; baseDn: string; filter: string };
  const [typed, setLdap] = useState<LdapForm | null>(null);
  // The server, bind DN, base DN and filter are remembered in the settings; the password never.
  const saved = settings.data?.ldap;
  const ldap: LdapForm = typed ?? {
    url: saved?.url || 'ldap://',
    bindDn: saved?.bindDn ?? '',
    password: '',
    baseDn: saved?.baseDn ?? '',
    filter: saved?.filter || '(objectClass=person)',
  };
  const [preview, setPreview] = useState<ImportPreview | null>(null);
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  const language = i18n.language === 'en' ? 'en' : 'de';

  const load = async (next: Source) => {
    setBusy(true);
    setError('');
    try {
      const result =
        next.kind === 'csv'
          ? await client.call('directory.import.preview', {
              kind,
              fileName: next.fileName,
              contentBase64: next.contentBase64,
              mapping: next.mapping,
            })
          : await client.call('directory.ldap.preview', {
              url: next.url,
              bindDn: next.bindDn,
              password: next.password,
              baseDn: next.baseDn,
              filter: next.filter,
            });
      setSource(next);
      setPreview(result);
      if (next.kind === 'ldap') {
        const { url, bindDn, baseDn, filter } = next;
        void client.call('settings.update', { patch: { ldap: { url, bindDn, baseDn, filter } } });
      }
    } catch (failure) {
      setPreview(null);
      setError(failure instanceof ApiError ? failure.message : String(failure));
    } finally {
      setBusy(false);
    }
  };
  const apply = async () => {
    if (!source || !preview) return;
    setBusy(true);
    try {
      const result =
        source.kind === 'csv'
          ? await client.call('directory.import.apply', {
              kind,
              fileName: source.fileName,
              contentBase64: source.contentBase64,
              mapping: source.mapping,
              token: preview.token,
            })
          : await client.call('directory.ldap.apply', {
              url: source.url,
              bindDn: source.bindDn,
              password: source.password,
              baseDn: source.baseDn,
              filter: source.filter,
              token: preview.token,
            });
      toast('info', t('directory.importDialog.applied', result));
      onClose();
    } catch (failure) {
      setError(failure instanceof ApiError ? failure.message : String(failure));
    } finally {
      setBusy(false);
    }
  };
  const fieldLabel = (field: string) =>
    Object.hasOwn(importFieldLabels[language], field)
      ? importFieldLabels[language][field as keyof (typeof importFieldLabels)['de']]
      : field;

  return (
    <Modal
      title={t('directory.importDialog.title', { what: t(`directory.tabs.${kind}`) })}
      closeLabel={t('a11y.close')}
      onClose={onClose}
      className="import-dialog"
      testId="import-dialog"
    >
      {kind === 'people' ? (
        <div className="segmented" role="group" aria-label={t('directory.importDialog.preview')}>
          {(['csv', 'ldap'] as const).map((m) => (
            <button
              key={m}
              type="button"
              className={mode === m ? 'on' : ''}
              aria-pressed={mode === m}
              onClick={() => setMode(m)}
            >
              {t(`directory.importDialog.${m}`)}
            </button>
          ))}
        </div>
      ) : null}
      {mode === 'csv' ? (
        <label className="import-file">
          {t('directory.importDialog.file')}
          <input
            type="file"
            accept=".csv,text/csv,text/plain"
            data-autofocus
            data-testid="import-file"
            onChange={(e) => {
              const file = e.target.files?.[0];
              if (file)
                void fileAsBase64(file).then((contentBase64) =>
                  load({ kind: 'csv', fileName: file.name, contentBase64, mapping: {} }),
                );
            }}
          />
        </label>
      ) : (
        <form
          className="import-ldap"
          onSubmit={(e) => {
            e.preventDefault();
            void load({ kind: 'ldap', ...ldap });
          }}
        >
          {(['url', 'bindDn', 'password', 'baseDn', 'filter'] as const).map((field) => (
            <label key={field}>
              {t(`directory.importDialog.${field}`)}
              <input
                type={field === 'password' ? 'password' : 'text'}
                autoComplete="off"
                value={ldap[field]}
                onChange={(e) => setLdap({ ...ldap, [field]: e.target.value })}
              />
            </label>
          ))}
          <button type="submit" disabled={busy}>
            {t('directory.importDialog.preview')}
          </button>
        </form>
      )}
      {error ? (
        <p className="banner error" role="alert" data-testid="import-error">
          {error}
        </p>
      ) : null}
      {preview ? (
        <div className="import-preview" data-testid="import-preview">
          <p className="muted">
            {t('directory.importDialog.detected', {
              format: t(`directory.importDialog.format.${preview.detected.format}`),
              encoding: preview.detected.encoding,
              separator: preview.detected.separator === '\t' ? 'Tab' : preview.detected.separator,
            })}{' '}
            · {t('directory.importDialog.dryRun')}
          </p>
          <p className="import-counts" data-testid="import-counts">
            {t('directory.importDialog.counts', preview.counts)}
          </p>
          <div className="import-rows" role="region" aria-label={t('directory.importDialog.preview')} tabIndex={0}>
            <table className="compact" data-testid="import-rows">
              <thead>
                <tr>
                  <th>{t('directory.importDialog.line')}</th>
                  <th>{t('directory.importDialog.what')}</th>
                  <th>{t('directory.col.name')}</th>
                  <th />
                </tr>
              </thead>
              <tbody>
                {preview.rows.map((row) => (
                  <tr key={row.line} className={`import-${row.status}`}>
                    <td className="mono">{row.line}</td>
                    <td>{t(`directory.importDialog.status.${row.status}`)}</td>
                    <td>{row.name}</td>
                    <td>{row.reason ? row.reason[language] : row.changes.map(fieldLabel).join(', ')}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {preview.counts.invalid > 0 ? <p className="muted">{t('directory.importDialog.fixFirst')}</p> : null}
          {source?.kind === 'csv' ? (
            <details
              className="import-mapping"
              open={!Object.values(preview.mapping).some((field) => field === 'name' || field === 'lastName')}
            >
              <summary>{t('directory.importDialog.mapping')}</summary>
              <table className="compact">
                <thead>
                  <tr>
                    <th>{t('directory.importDialog.column')}</th>
                    <th>{t('directory.importDialog.field')}</th>
                  </tr>
                </thead>
                <tbody>
                  {preview.columns.map((column) => (
                    <tr key={column}>
                      <td>{column}</td>
                      <td>
                        <select
                          aria-label={`${t('directory.importDialog.field')}: ${column}`}
                          value={preview.mapping[column] ?? ''}
                          onChange={(e) =>
                            void load({
                              ...source,
                              mapping: { ...(preview.mapping as Mapping), [column]: e.target.value as Mapping[string] },
                            })
                          }
                        >
                          <option value="">{t('directory.importDialog.ignore')}</option>
                          {importFields[kind].map((field) => (
                            <option key={field} value={field}>
                              {fieldLabel(field)}
                            </option>
                          ))}
                        </select>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </details>
          ) : null}
        </div>
      ) : null}
      <div className="dialog-actions">
        <button type="button" onClick={onClose}>
          {t('common.cancel')}
        </button>
        <button
          type="button"
          className="primary"
          data-testid="import-apply"
          disabled={busy || !preview || preview.counts.invalid > 0 || preview.counts.new + preview.counts.changed === 0}
          onClick={() => void apply()}
        >
          {t('directory.importDialog.apply')}
        </button>
      </div>
    </Modal>
  );
}
