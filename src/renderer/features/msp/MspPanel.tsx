import { useRef, useState } from 'react';
import { fileToBase64 } from '../../local/fileBase64';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client';
import { useClient } from '../../api/context';
import { useQuery } from '../../api/useQuery';
import { formatDateTime } from '../../components/format';
import { useUi } from '../../state/ui';
import { downloadEscalation } from './download';

/** Reads a provider's reply mail into the ticket (from the picker or dropped on the ticket). */
export function useReplyImport(ticketId: number) {
  const { t } = useTranslation();
  const client = useClient();
  const toast = useUi((s) => s.toast);
  const data = useQuery(
    'escalations.forTicket',
    { ticketId },
    (c) => c.entity === 'ticket' && c.ids.includes(ticketId),
  );
  const importReply = async (file: File) => {
    try {
      const result = await client.call('escalations.importReply', {
        ticketId,
        contentBase64: await fileToBase64(file),
      });
      toast(
        'info',
        result.reference ? t('msp.replyWithReference', { reference: result.reference }) : t('msp.replyAdded'),
      );
    } catch (error) {
      toast('error', error instanceof ApiError ? error.message : String(error));
    }
  };
  return { escalated: (data.data?.escalations.length ?? 0) > 0, importReply };
}

/** The ticket at the MSP: their reference, their clock against the contract, their replies. */
export function MspPanel({ ticketId }: { ticketId: number }) {
  const { t } = useTranslation();
  const client = useClient();
  const toast = useUi((s) => s.toast);
  const data = useQuery(
    'escalations.forTicket',
    { ticketId },
    (c) => c.entity === 'ticket' && c.ids.includes(ticketId),
  );
  const [reference, setReference] = useState('');
  const picker = useRef<HTMLInputElement>(null);
  const { importReply } = useReplyImport(ticketId);
  const escalations = data.data?.escalations ?? [];
  if (!escalations.length) return null;
  const latest = escalations.at(-1)!;
  const run = async (work: () => Promise<unknown>) => {
    try {
      await work();
    } catch (error) {
      toast('error', error instanceof ApiError ? error.message : String(error));
    }
  };
  const reaction = latest.clock.reaction;
  return (
    <section className="panel-section msp-panel" data-testid="msp-panel">
      <h4>{t('msp.panel')}</h4>
      <div className="msp-line">
        <strong>{latest.providerName}</strong> · {formatDateTime(latest.at)}
      </div>
      <div className={`msp-line ${reaction.overdue ? 'due-overdue' : ''}`} data-testid="msp-clock">
        {t('msp.reaction')}:{' '}
        {reaction.met === true
          ? t('msp.met')
          : reaction.overdue
            ? t('msp.overdue')
            : t('msp.dueBy', { due: formatDateTime(reaction.dueAt) })}
      </div>
      <div className={`msp-line ${latest.clock.resolution.overdue ? 'due-overdue' : ''}`}>
        {t('msp.resolution')}: {t('msp.dueBy', { due: formatDateTime(latest.clock.resolution.dueAt) })}
      </div>
      {latest.reference ? (
        <div className="msp-line" data-testid="msp-reference">
          {t('msp.reference')}: <strong>{latest.reference}</strong>
        </div>
      ) : (
        <form
          className="msp-reference"
          onSubmit={(e) => {
            e.preventDefault();
            void run(() =>
              client.call('escalations.recordReference', { escalationId: latest.id, reference: reference.trim() }),
            );
          }}
        >
          <input
            value={reference}
            placeholder={t('msp.referencePlaceholder')}
            aria-label={t('msp.reference')}
            onChange={(e) => setReference(e.target.value)}
            data-testid="msp-reference-input"
          />
          <button type="submit" disabled={!reference.trim()}>
            {t('common.save')}
          </button>
        </form>
      )}
      <div className="msp-actions">
        <button
          type="button"
          className="quiet"
          onClick={() => void run(() => downloadEscalation(client, latest.id, 'zip'))}
        >
          ZIP
        </button>
        <button
          type="button"
          className="quiet"
          onClick={() => void run(() => downloadEscalation(client, latest.id, 'eml'))}
        >
          .eml
        </button>
        <button type="button" className="quiet" onClick={() => picker.current?.click()}>
          {t('msp.importReply')}
        </button>
        <input
          ref={picker}
          type="file"
          accept=".eml,message/rfc822"
          data-testid="reply-file"
          hidden
          onChange={(e) => {
            const file = e.target.files?.[0];
            e.target.value = '';
            if (file) void importReply(file);
          }}
        />
      </div>
    </section>
  );
}
