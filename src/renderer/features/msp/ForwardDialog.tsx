import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Attachment, Ticket } from '../../../shared/domain/ticket';
import { ApiError } from '../../api/client';
import { useClient } from '../../api/context';
import { useQuery } from '../../api/useQuery';
import { useUi } from '../../state/ui';
import { downloadEscalation } from './download';
import { Modal } from '../../components/Modal';

type Props = { ticket: Ticket; attachments: Attachment[]; onClose: () => void };

/** Forward to the MSP: choose provider and content, see exactly what leaves (redacted), release single findings. */
export function ForwardDialog({ ticket, attachments, onClose }: Props) {
  const { t, i18n } = useTranslation();
  const client = useClient();
  const toast = useUi((s) => s.toast);
  const providers = useQuery('msp.providers.list', {});
  const [providerId, setProviderId] = useState('');
  const [language, setLanguage] = useState<'de' | 'en'>(i18n.language === 'en' ? 'en' : 'de');
  const [include, setInclude] = useState({ firstContact: true, triage: true, timeline: true, checklists: true });
  const [attachmentIds, setAttachmentIds] = useState<number[]>(attachments.map((a) => a.id));
  const [question, setQuestion] = useState('');
  const [released, setReleased] = useState<{ findingId: string; reason: string }[]>([]);
  const [releasing, setReleasing] = useState<{ id: string; reason: string } | null>(null);
  const [building, setBuilding] = useState(false);
  // The provider looking after an affected system comes first; the coordinator can still choose another.
  const linked = useQuery('directory.forTicket', { ticketId: ticket.id }, () => false);
  const responsible = linked.data?.systems.find((s) => s.system.providerId)?.system.providerId ?? '';
  const known = (id: string) => providers.data?.providers.some((p) => p.id === id) ?? false;
  // Nothing is previewed until it is known which provider comes first, so the preview shown is the one built.
  const settled = linked.data !== undefined || linked.error !== null;
  const chosen = settled
    ? providerId || (known(responsible) ? responsible : '') || providers.data?.providers[0]?.id || ''
    : '';
  const choice = { ticketId: ticket.id, providerId: chosen, language, ...include, attachmentIds, question, released };
  const preview = useQuery('escalations.preview', chosen ? choice : null, () => false);

  const build = async () => {
    setBuilding(true);
    try {
      const result = await client.call('escalations.build', choice);
      // Sent by the desk over SMTP (the outbox shows it on the ticket), or an .eml draft for one's mail program.
      if (result.outboxId !== null) toast('info', t('msp.sentBySmtp', { files: result.files.length }));
      else {
        toast('info', t('msp.built', { files: result.files.length }));
        await downloadEscalation(client, result.escalation.id, 'eml');
      }
      onClose();
    } catch (error) {
      toast('error', error instanceof ApiError ? error.message : String(error));
    } finally {
      setBuilding(false);
    }
  };
  const isReleased = (id: string) => released.some((r) => r.findingId === id);

  return (
    <Modal
      title={t('msp.forwardTitle', { number: ticket.number })}
      closeLabel={t('a11y.close')}
      onClose={onClose}
      className="forward-dialog"
      testId="forward-dialog"
    >
      {providers.data && providers.data.providers.length === 0 ? (
        <p className="banner error">{t('msp.noProviders')}</p>
      ) : null}
      <div className="forward-body">
        <div className="forward-choices">
          <label>
            {t('msp.provider')}
            <select value={chosen} onChange={(e) => setProviderId(e.target.value)}>
              {(providers.data?.providers ?? []).map((p) => (
                <option key={p.id} value={p.id}>
                  {p.name}
                </option>
              ))}
            </select>
          </label>
          <label>
            {t('msp.language')}
            <select value={language} onChange={(e) => setLanguage(e.target.value === 'en' ? 'en' : 'de')}>
              <option value="de">Deutsch</option>
              <option value="en">English</option>
            </select>
          </label>
          {(Object.keys(include) as (keyof typeof include)[]).map((key) => (
            <label key={key} className="check">
              <input
                type="checkbox"
                checked={include[key]}
                onChange={(e) => setInclude({ ...include, [key]: e.target.checked })}
              />
              {t(`msp.include.${key}`)}
            </label>
          ))}
          {attachments.map((a) => (
            <label key={a.id} className="check">
              <input
                type="checkbox"
                checked={attachmentIds.includes(a.id)}
                onChange={(e) =>
                  setAttachmentIds(
                    e.target.checked ? [...attachmentIds, a.id] : attachmentIds.filter((id) => id !== a.id),
                  )
                }
              />
              {t('msp.attachment')}: {a.fileName}
            </label>
          ))}
          <label>
            {t('msp.question')}
            <textarea
              rows={3}
              data-autofocus
              value={question}
              onChange={(e) => setQuestion(e.target.value)}
              data-testid="msp-question"
            />
          </label>
        </div>
        <div
          className="forward-preview"
          data-testid="forward-preview"
          role="region"
          aria-label={t('msp.previewLabel')}
          tabIndex={0}
        >
          {preview.error ? <p className="banner error">{preview.error.message}</p> : null}
          {preview.data ? (
            <>
              <p>
                <strong>{t('msp.to')}:</strong> {preview.data.to}
                <br />
                <strong>{t('msp.subject')}:</strong> {preview.data.subject}
              </p>
              <h4>{t('msp.findings', { count: preview.data.findings.length })}</h4>
              <ul className="findings" data-testid="findings">
                {preview.data.findings.map((f) => (
                  <li key={f.id} className={isReleased(f.id) ? 'released' : 'hidden'}>
                    <span className="finding-kind">{t(`msp.kind.${f.kind}`)}</span> <code>{f.hint}</code>{' '}
                    <span className="muted">
                      {t('msp.in', { field: t(`msp.field.${f.field.split(/[:.]/)[0]}`, { defaultValue: f.field }) })}
                    </span>
                    {isReleased(f.id) ? (
                      <button
                        type="button"
                        className="quiet"
                        onClick={() => setReleased(released.filter((r) => r.findingId !== f.id))}
                      >
                        {t('msp.redactAgain')}
                      </button>
                    ) : releasing?.id === f.id ? (
                      <form
                        className="release-form"
                        onSubmit={(e) => {
                          e.preventDefault();
                          if (!releasing.reason.trim()) return;
                          setReleased([...released, { findingId: f.id, reason: releasing.reason.trim() }]);
                          setReleasing(null);
                        }}
                      >
                        <input
                          autoFocus
                          value={releasing.reason}
                          placeholder={t('msp.releaseReason')}
                          onChange={(e) => setReleasing({ id: f.id, reason: e.target.value })}
                        />
                      </form>
                    ) : (
                      <button type="button" className="quiet" onClick={() => setReleasing({ id: f.id, reason: '' })}>
                        {t('msp.release')}
                      </button>
                    )}
                  </li>
                ))}
              </ul>
              <h4>{t('msp.files')}</h4>
              <p className="muted forward-files">{preview.data.files.join(' · ')}</p>
              <pre className="forward-text" data-testid="forward-text">
                {preview.data.text}
              </pre>
            </>
          ) : null}
        </div>
      </div>
      <div className="dialog-actions">
        <button type="button" onClick={onClose}>
          {t('common.cancel')}
        </button>
        <button
          type="button"
          className="primary"
          disabled={!chosen || building}
          onClick={() => void build()}
          data-testid="forward-build"
        >
          {t('msp.build')}
        </button>
      </div>
    </Modal>
  );
}
