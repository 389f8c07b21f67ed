import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Footprint } from '../../../shared/contract/privacy';
import type { Language } from '../../../shared/domain/enums';
import { ApiError } from '../../api/client';
import { useClient } from '../../api/context';
import { useQuery } from '../../api/useQuery';
import { formatDateTime } from '../../components/format';
import { downloadBase64, downloadText } from '../../local/download';
import { useUi } from '../../state/ui';

const escapeHtml = (text: string) =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);

/** GDPR at the desk: a person's data (export, erasure), retention, the erasure log and the record of processing. */
export function PrivacyPanel() {
  const { t, i18n } = useTranslation();
  const client = useClient();
  const toast = useUi((s) => s.toast);
  const language: Language = i18n.language === 'en' ? 'en' : 'de';
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [found, setFound] = useState<Footprint | null>(null);
  const [erasing, setErasing] = useState(false);
  const [basis, setBasis] = useState(t('privacy.defaultBasis'));
  const [confirmOpen, setConfirmOpen] = useState(false);
  const [keepAttachments, setKeepAttachments] = useState(false);
  const erasures = useQuery('privacy.erasures', {}, (c) => c.entity === 'system');
  const retention = useQuery('privacy.retention.get', {}, (c) => c.entity === 'system');
  const record = useQuery('privacy.record', { language }, (c) => c.entity === 'system');
  const [draft, setDraft] = useState<Record<string, string>>({});
  const [retentionDraft, setRetentionDraft] = useState(retention.data ?? null);
  useEffect(() => setRetentionDraft(retention.data ?? null), [retention.data]);
  useEffect(() => setDraft(Object.fromEntries((record.data ?? []).map((s) => [s.key, s.text]))), [record.data]);

  const subject = () => ({
    ...(name.trim() ? { name: name.trim() } : {}),
    ...(email.trim() ? { email: email.trim() } : {}),
  });
  const fail = (error: unknown) => toast('error', error instanceof ApiError ? error.message : String(error));
  const find = async () => {
    try {
      setFound(await client.call('privacy.find', { subject: subject() }));
      setErasing(false);
    } catch (error) {
      fail(error);
    }
  };

  return (
    <div className="privacy" data-testid="privacy-panel">
      <h4>{t('privacy.person')}</h4>
      <form
        className="inline-form"
        onSubmit={(event) => {
          event.preventDefault();
          void find();
        }}
      >
        <label>
          {t('privacy.name')}
          <input value={name} onChange={(e) => setName(e.target.value)} data-testid="privacy-name" />
        </label>
        <label>
          {t('privacy.email')}
          <input type="email" value={email} onChange={(e) => setEmail(e.target.value)} />
        </label>
        <button type="submit" disabled={!name.trim() && !email.trim()}>
          {t('privacy.find')}
        </button>
      </form>
      {found ? (
        <div className="privacy-found" data-testid="privacy-found">
          <p className="hint">
            {found.tickets.length
              ? t('privacy.found', {
                  count: found.counts.tickets,
                  notes: found.counts.notes,
                  events: found.counts.events,
                  identifiers: found.identifiers.join(', '),
                })
              : t('privacy.nothing')}
          </p>
          {found.tickets.length ? (
            <ul className="privacy-tickets">
              {found.tickets.slice(0, 20).map((ticket) => (
                <li key={ticket.id}>
                  {ticket.number} · {ticket.title} · {t(`privacy.role.${ticket.role}`)}
                  {ticket.open ? ` · ${t('privacy.open')}` : ''}
                </li>
              ))}
            </ul>
          ) : null}
          <div className="row-actions">
            <button
              type="button"
              disabled={!found.tickets.length && found.personId === null}
              onClick={() =>
                void client
                  .call('privacy.export', { subject: subject(), language })
                  .then((file) => downloadBase64(file.fileName, 'application/zip', file.contentBase64), fail)
              }
            >
              {t('privacy.export')}
            </button>
            <button
              type="button"
              className="danger"
              data-testid="privacy-erase"
              disabled={!found.tickets.length && found.personId === null}
              onClick={() => setErasing(true)}
            >
              {t('privacy.erase')}
            </button>
          </div>
          {erasing ? (
            <form
              className="inline-form"
              data-testid="erase-form"
              onSubmit={(event) => {
                event.preventDefault();
                void client
                  .call('privacy.erase', { subject: subject(), basis: basis.trim(), confirmOpen, keepAttachments })
                  .then((done) => {
                    toast('info', t('privacy.erased', { pseudonym: done.pseudonym, count: done.counts.tickets }));
                    setFound(null);
                    setErasing(false);
                    erasures.refetch();
                  }, fail);
              }}
            >
              <p className="hint warning">{t('privacy.eraseHint')}</p>
              <label>
                {t('privacy.basis')}
                <input value={basis} onChange={(e) => setBasis(e.target.value)} required maxLength={200} />
              </label>
              {found.counts.openTickets > 0 ? (
                <label className="checkbox">
                  <input type="checkbox" checked={confirmOpen} onChange={(e) => setConfirmOpen(e.target.checked)} />
                  {t('privacy.confirmOpen', { count: found.counts.openTickets })}
                </label>
              ) : null}
              <label className="checkbox">
                <input
                  type="checkbox"
                  checked={keepAttachments}
                  onChange={(e) => setKeepAttachments(e.target.checked)}
                />
                {t('privacy.keepAttachments')}
              </label>
              <button type="submit" className="danger" data-testid="erase-confirm">
                {t('privacy.eraseConfirm')}
              </button>
            </form>
          ) : null}
        </div>
      ) : null}

      <h4>{t('privacy.retention')}</h4>
      {retentionDraft ? (
        <div className="inline-form">
          <label className="checkbox">
            <input
              type="checkbox"
              checked={retentionDraft.enabled}
              onChange={(e) => setRetentionDraft({ ...retentionDraft, enabled: e.target.checked })}
            />
            {t('privacy.retentionEnabled')}
          </label>
          <label>
            {t('privacy.retentionMonths')}
            <input
              type="number"
              min={1}
              max={240}
              value={retentionDraft.closedMonths}
              onChange={(e) => setRetentionDraft({ ...retentionDraft, closedMonths: Number(e.target.value) })}
            />
          </label>
          <label>
            {t('privacy.basis')}
            <input
              value={retentionDraft.basis}
              onChange={(e) => setRetentionDraft({ ...retentionDraft, basis: e.target.value })}
            />
          </label>
          <button
            type="button"
            onClick={() =>
              void client
                .call('privacy.retention.update', {
                  retention: {
                    enabled: retentionDraft.enabled,
                    closedMonths: retentionDraft.closedMonths,
                    basis: retentionDraft.basis,
                  },
                })
                .then(() => toast('info', t('privacy.saved')), fail)
            }
          >
            {t('common.save')}
          </button>
          <p className="hint">
            {retentionDraft.lastRunAt
              ? t('privacy.lastRun', { at: formatDateTime(retentionDraft.lastRunAt), count: retentionDraft.lastCount })
              : t('privacy.neverRun')}
          </p>
        </div>
      ) : null}

      <h4>{t('privacy.log')}</h4>
      {erasures.data?.length ? (
        <table className="data-table" data-testid="erasure-log">
          <thead>
            <tr>
              <th scope="col">{t('privacy.col.at')}</th>
              <th scope="col">{t('privacy.col.pseudonym')}</th>
              <th scope="col">{t('privacy.col.basis')}</th>
              <th scope="col">{t('privacy.col.counts')}</th>
              <th scope="col">{t('privacy.col.backups')}</th>
            </tr>
          </thead>
          <tbody>
            {erasures.data.map((e) => (
              <tr key={e.id}>
                <td>{formatDateTime(e.at)}</td>
                <td>
                  {e.scope === 'retention'
                    ? t('privacy.retentionRun', { count: Number(e.pseudonym) || 1 })
                    : e.pseudonym}
                </td>
                <td>{e.basis}</td>
                <td>{t('privacy.counts', { count: e.counts.tickets, events: e.counts.events })}</td>
                <td>{e.backupsUntil ? t('privacy.backupsUntil', { at: formatDateTime(e.backupsUntil) }) : '–'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <p className="hint">{t('privacy.noErasures')}</p>
      )}

      <h4>{t('privacy.record')}</h4>
      <p className="hint">{t('privacy.recordHint')}</p>
      {(record.data ?? []).map((section) => (
        <label key={section.key} className="record-section">
          <span>
            {section.title}
            {section.generated ? <span className="muted"> · {t('privacy.generated')}</span> : null}
          </span>
          <textarea
            rows={3}
            value={draft[section.key] ?? ''}
            onChange={(e) => setDraft({ ...draft, [section.key]: e.target.value })}
          />
        </label>
      ))}
      <div className="row-actions">
        <button
          type="button"
          onClick={() =>
            void client
              .call('privacy.record.update', {
                language,
                sections: Object.fromEntries(
                  (record.data ?? []).filter((s) => draft[s.key] !== s.text).map((s) => [s.key, draft[s.key] ?? '']),
                ),
              })
              .then(() => toast('info', t('privacy.saved')), fail)
          }
        >
          {t('common.save')}
        </button>
        <button
          type="button"
          className="quiet"
          onClick={() => {
            const body = (record.data ?? [])
              .map(
                (s) =>
                  `<h2>${escapeHtml(s.title)}</h2><p>${escapeHtml(draft[s.key] ?? s.text).replace(/\n/g, '<br>')}</p>`,
              )
              .join('\n');
            downloadText(
              `${t('privacy.recordFile')}.html`,
              'text/html',
              `<!doctype html><html lang="${language}"><head><meta charset="utf-8"><title>${escapeHtml(t('privacy.record'))}</title><style>body{font:14px system-ui,sans-serif;max-width:50em;margin:2em}</style></head><body><h1>${escapeHtml(t('privacy.record'))}</h1>${body}</body></html>\n`,
            );
          }}
        >
          {t('privacy.recordExport')}
        </button>
      </div>
    </div>
  );
}
