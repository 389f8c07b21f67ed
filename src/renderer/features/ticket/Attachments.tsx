import { useRef, useState } from 'react';
import { fileToBase64 } from '../../local/fileBase64';
import { useTranslation } from 'react-i18next';
import type { Attachment } from '../../../shared/domain/ticket';
import { ApiError } from '../../api/client';
import { useClient } from '../../api/context';
import { formatBytes } from '../../components/format';
import { useUi } from '../../state/ui';

export function useAttach(ticketId: number) {
  const client = useClient();
  const toast = useUi((s) => s.toast);
  const { t } = useTranslation();
  /** Attaches the files one by one; answers the ids of those stored (a refused one is reported, not thrown). */
  return async (files: FileList | File[]): Promise<number[]> => {
    const stored: number[] = [];
    for (const file of Array.from(files)) {
      try {
        const attachment = await client.call('tickets.attach', {
          id: ticketId,
          fileName: file.name,
          mimeType: file.type || 'application/octet-stream',
          contentBase64: await fileToBase64(file),
        });
        stored.push(attachment.id);
        toast('info', t('detail.attached', { name: file.name }));
      } catch (error) {
        toast('error', error instanceof ApiError ? error.message : String(error));
      }
    }
    return stored;
  };
}

export function Attachments({ ticketId, attachments }: { ticketId: number; attachments: Attachment[] }) {
  const { t } = useTranslation();
  const client = useClient();
  const attach = useAttach(ticketId);
  const picker = useRef<HTMLInputElement>(null);
  const [busy, setBusy] = useState(false);

  const download = async (attachment: Attachment) => {
    const { contentBase64 } = await client.call('tickets.attachment', { attachmentId: attachment.id });
    const bytes = Uint8Array.from(atob(contentBase64), (c) => c.charCodeAt(0));
    const url = URL.createObjectURL(new Blob([bytes], { type: attachment.mimeType }));
    const link = document.createElement('a');
    link.href = url;
    link.download = attachment.fileName;
    link.click();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  };

  return (
    <section className="panel-section" data-testid="attachments">
      <h4>
        {t('detail.attachments')} <span className="muted">({attachments.length})</span>
      </h4>
      <ul className="attachments">
        {attachments.map((a) => (
          <li key={a.id}>
            <button type="button" className="link" onClick={() => void download(a)}>
              {a.fileName}
            </button>
            <span className="muted"> {formatBytes(a.size)}</span>
          </li>
        ))}
      </ul>
      <input
        ref={picker}
        type="file"
        multiple
        hidden
        data-testid="attach-input"
        onChange={(e) => {
          const input = e.target;
          if (!input.files) return;
          setBusy(true);
          void attach(input.files).finally(() => {
            setBusy(false);
            input.value = '';
          });
        }}
      />
      <button type="button" className="quiet" disabled={busy} onClick={() => picker.current?.click()}>
        {t('detail.addAttachment')}
      </button>
      <p className="hint">{t('detail.dropHint')}</p>
    </section>
  );
}
