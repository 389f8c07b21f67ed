import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BackupSettingsView, BackupSummary } from '../../../shared/contract/backups';
import type { BackupKeep } from '../../../shared/domain/backups';
import { ApiError } from '../../api/client';
import { useClient } from '../../api/context';
import { useQuery } from '../../api/useQuery';
import { formatDateTime } from '../../components/format';
import { useUi } from '../../state/ui';

const megabytes = (bytes: number, language: string) =>
  new Intl.NumberFormat(language, { maximumFractionDigits: 1 }).format(bytes / 1024 / 1024);

/** Backups in the settings: where and how often, encryption, the list with its verification, verify and restore. */
export function BackupsPanel() {
  const { t, i18n } = useTranslation();
  const client = useClient();
  const toast = useUi((s) => s.toast);
  const settings = useQuery('backups.settings.get', {}, (c) => c.entity === 'system');
  const list = useQuery('backups.list', {}, (c) => c.entity === 'system');
  const [draft, setDraft] = useState<BackupSettingsView | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [passphrase, setPassphrase] = useState('');
  const [restoring, setRestoring] = useState<BackupSummary | null>(null);
  const [restoreTo, setRestoreTo] = useState('');
  const [restorePassphrase, setRestorePassphrase] = useState('');
  const [restoreInPlace, setRestoreInPlace] = useState(false);
  useEffect(() => {
    if (settings.data) setDraft(settings.data);
  }, [settings.data]);
  if (!draft) return null;

  const act = async (label: string, work: () => Promise<string>) => {
    setBusy(label);
    try {
      toast('info', await work());
    } catch (error) {
      toast('error', error instanceof ApiError ? error.message : String(error));
    } finally {
      setBusy(null);
      list.refetch();
      settings.refetch();
    }
  };
  const save = (patch: Parameters<typeof client.call<'backups.settings.update'>>[1]) =>
    act('save', async () => {
      await client.call('backups.settings.update', patch);
      return t('backups.saved');
    });
  const keep = (part: keyof BackupKeep, value: number) =>
    setDraft({ ...draft, keep: { ...draft.keep, [part]: value } });
  const data = list.data;

  return (
    <div className="backups" data-testid="backups-panel">
      {data ? (
        <p className={data.stale ? 'hint warning' : 'hint'} data-testid="backups-state">
          {data.targetState === 'missing'
            ? t('backups.targetMissing', { target: data.target })
            : data.targetState === 'unwritable'
              ? t('backups.targetUnwritable', { target: data.target })
              : data.lastVerifiedAt
                ? t('backups.lastVerified', { at: formatDateTime(data.lastVerifiedAt) })
                : t('backups.none')}
        </p>
      ) : null}
      <div className="form-grid narrow">
        <label className="checkbox">
          <input type="checkbox" checked={draft.enabled} onChange={(e) => void save({ enabled: e.target.checked })} />
          {t('backups.enabled')}
        </label>
        <label>
          {t('backups.target')}
          <input
            value={draft.target}
            placeholder={draft.defaultTarget}
            maxLength={1000}
            onChange={(e) => setDraft({ ...draft, target: e.target.value })}
            onBlur={() => draft.target !== settings.data?.target && void save({ target: draft.target.trim() })}
          />
        </label>
        <label>
          {t('backups.everyHours')}
          <input
            type="number"
            min={1}
            max={168}
            value={draft.everyHours}
            onChange={(e) => setDraft({ ...draft, everyHours: Number(e.target.value) })}
            onBlur={() => draft.everyHours !== settings.data?.everyHours && void save({ everyHours: draft.everyHours })}
          />
        </label>
        <fieldset className="inline-fields">
          <legend>{t('backups.keep')}</legend>
          {(['hourly', 'daily', 'monthly'] as const).map((part) => (
            <label key={part}>
              {t(`backups.keep_${part}`)}
              <input
                type="number"
                min={0}
                max={part === 'monthly' ? 120 : part === 'daily' ? 366 : 168}
                value={draft.keep[part]}
                onChange={(e) => keep(part, Number(e.target.value))}
                onBlur={() =>
                  JSON.stringify(draft.keep) !== JSON.stringify(settings.data?.keep) && void save({ keep: draft.keep })
                }
              />
            </label>
          ))}
        </fieldset>
      </div>
      <div className="inline-form">
        <p className="hint">{draft.encrypted ? t('backups.encryptedOn') : t('backups.encryptedOff')}</p>
        <label>
          {draft.encrypted ? t('backups.newPassphrase') : t('backups.passphrase')}
          <input
            type="password"
            autoComplete="new-password"
            value={passphrase}
            onChange={(e) => setPassphrase(e.target.value)}
          />
        </label>
        <div className="row-actions">
          <button
            type="button"
            disabled={busy !== null || passphrase.length === 0}
            onClick={() => {
              void save({ encryption: { enabled: true, passphrase } }).then(() => setPassphrase(''));
            }}
          >
            {draft.encrypted ? t('backups.changePassphrase') : t('backups.encrypt')}
          </button>
          {draft.encrypted ? (
            <button type="button" className="quiet" onClick={() => void save({ encryption: { enabled: false } })}>
              {t('backups.decrypt')}
            </button>
          ) : null}
        </div>
      </div>
      <div className="row-actions">
        <button
          type="button"
          className="primary"
          data-testid="backup-now"
          disabled={busy !== null || data?.running === true}
          onClick={() =>
            void act('run', async () => {
              const made = await client.call('backups.run', {});
              return t('backups.made', { at: formatDateTime(made.createdAt) });
            })
          }
        >
          {busy === 'run' ? t('backups.running') : t('backups.runNow')}
        </button>
      </div>
      {data && data.backups.length ? (
        <table className="data-table" data-testid="backups-table">
          <thead>
            <tr>
              <th scope="col">{t('backups.col.date')}</th>
              <th scope="col">{t('backups.col.contents')}</th>
              <th scope="col">{t('backups.col.size')}</th>
              <th scope="col">{t('backups.col.verification')}</th>
              <th scope="col">
                <span className="visually-hidden">{t('backups.col.actions')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {data.backups.map((backup) => (
              <tr key={backup.id}>
                <td>
                  {formatDateTime(backup.createdAt)}
                  {backup.encrypted ? ` · ${t('backups.encryptedShort')}` : ''}
                </td>
                <td>
                  {[
                    t('backups.tickets', { count: backup.counts.tickets }),
                    t('backups.events', { count: backup.counts.events }),
                    t('backups.files', { count: backup.counts.attachments }),
                  ].join(' · ')}
                </td>
                <td>{t('backups.size', { mb: megabytes(backup.sizeBytes + backup.filesBytes, i18n.language) })}</td>
                <td data-testid="backup-verification">
                  {backup.verification.state === 'ok'
                    ? t(backup.verification.depth === 'full' ? 'backups.verifiedFull' : 'backups.verifiedFiles', {
                        at: formatDateTime(backup.verification.at),
                      })
                    : t('backups.failed', { problems: backup.verification.problems.slice(0, 2).join('; ') })}
                </td>
                <td className="row-actions">
                  <button
                    type="button"
                    className="quiet"
                    disabled={busy !== null}
                    onClick={() =>
                      void act('verify', async () => {
                        const checked = await client.call('backups.verify', { id: backup.id });
                        return checked.verification.state === 'ok' ? t('backups.verifyOk') : t('backups.verifyFailed');
                      })
                    }
                  >
                    {t('backups.verify')}
                  </button>
                  <button
                    type="button"
                    className="quiet"
                    data-testid="backup-restore"
                    onClick={() => {
                      setRestoring(backup);
                      setRestoreTo(
                        `${draft.defaultTarget.replace(/-backups$/, '')}-restored-${backup.id.slice(0, 10)}`,
                      );
                    }}
                  >
                    {t('backups.restore')}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      {restoring ? (
        <form
          className="inline-form restore-form"
          data-testid="restore-form"
          onSubmit={(event) => {
            event.preventDefault();
            void act('restore', async () => {
              const outcome = await client.call('backups.restore', {
                id: restoring.id,
                ...(restoreInPlace ? { reopen: true } : { to: restoreTo.trim() }),
                ...(restoring.encrypted ? { passphrase: restorePassphrase } : {}),
              });
              setRestoring(null);
              setRestorePassphrase('');
              if (!restoreInPlace)
                return t('backups.restored', { dir: outcome.dataDir, tickets: outcome.counts.tickets });
              client.resync();
              return t('backups.restoredInPlace', {
                at: formatDateTime(restoring.createdAt),
                aside: outcome.keptAside ?? '',
                tickets: outcome.counts.tickets,
              });
            });
          }}
        >
          <fieldset className="choices restore-mode" data-testid="restore-mode">
            <legend>{t('backups.restoreWhere', { at: formatDateTime(restoring.createdAt) })}</legend>
            <div className="choice-row">
              {([false, true] as const).map((inPlace) => (
                <label key={String(inPlace)} className={restoreInPlace === inPlace ? 'choice selected' : 'choice'}>
                  <input
                    type="radio"
                    name="restore-mode"
                    checked={restoreInPlace === inPlace}
                    onChange={() => setRestoreInPlace(inPlace)}
                    data-testid={inPlace ? 'restore-in-place' : 'restore-new'}
                  />
                  {t(inPlace ? 'backups.restoreInPlace' : 'backups.restoreNew')}
                </label>
              ))}
            </div>
          </fieldset>
          <p className="hint">{t(restoreInPlace ? 'backups.restoreInPlaceHint' : 'backups.restoreHint')}</p>
          {restoreInPlace ? null : (
            <label>
              {t('backups.restoreTo')}
              <input value={restoreTo} onChange={(e) => setRestoreTo(e.target.value)} required />
            </label>
          )}
          {restoring.encrypted ? (
            <label>
              {t('backups.passphrase')}
              <input
                type="password"
                autoComplete="current-password"
                value={restorePassphrase}
                onChange={(e) => setRestorePassphrase(e.target.value)}
                required
              />
            </label>
          ) : null}
          <div className="row-actions">
            <button type="submit" className="primary" disabled={busy !== null} data-testid="restore-confirm">
              {busy === 'restore' ? t('backups.restoring') : t('backups.restoreConfirm')}
            </button>
            <button type="button" className="quiet" onClick={() => setRestoring(null)}>
              {t('common.cancel')}
            </button>
          </div>
        </form>
      ) : null}
    </div>
  );
}

/** On top of every view while the last verified backup is older than a day or the backup folder is missing. */
export function BackupBanner({ onOpen }: { onOpen: () => void }) {
  const { t } = useTranslation();
  const list = useQuery('backups.list', {}, (c) => c.entity === 'system');
  const { refetch } = list;
  useEffect(() => {
    const timer = setInterval(refetch, 5 * 60_000);
    return () => clearInterval(timer);
  }, [refetch]);
  const data = list.data;
  if (!data?.stale || data.running) return null;
  return (
    <div className="banner warning" role="status" data-testid="backup-stale">
      {data.targetState === 'missing'
        ? t('backups.bannerMissing', { target: data.target })
        : data.lastVerifiedAt
          ? t('backups.bannerOld', { at: formatDateTime(data.lastVerifiedAt) })
          : t('backups.bannerNone')}{' '}
      <button type="button" className="link" onClick={onOpen}>
        {t('backups.bannerOpen')}
      </button>
    </div>
  );
}
