import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MethodOutput } from '../../../shared/contract';
import type { Period } from '../../../shared/domain/report';
import { ApiError } from '../../api/client';
import { useClient } from '../../api/context';
import { downloadBlob } from '../../local/download';
import { useUi } from '../../state/ui';

/** The full ticket export (all tickets, or those of the period shown): written in main, fetched in parts. */
export function TicketExport({ period }: { period: Period }) {
  const { t, i18n } = useTranslation();
  const client = useClient();
  const { toast } = useUi();
  const [busy, setBusy] = useState(false);
  const run = async (scope: 'all' | 'period') => {
    setBusy(true);
    try {
      const made = await client.call('reports.tickets.export', {
        period: scope === 'period' ? period : null,
        language: i18n.language === 'en' ? 'en' : 'de',
      });
      const parts: BlobPart[] = [];
      for (let offset: number | null = 0; offset !== null;) {
        const chunk: MethodOutput<'reports.tickets.chunk'> = await client.call('reports.tickets.chunk', {
          exportId: made.exportId,
          offset,
        });
        parts.push(Uint8Array.from(atob(chunk.contentBase64), (c) => c.charCodeAt(0)));
        offset = chunk.nextOffset;
      }
      downloadBlob(made.fileName, new Blob(parts, { type: made.mimeType }));
      toast('info', t('reports.ticketExport.done', { count: made.rows }));
    } catch (error) {
      toast('error', error instanceof ApiError ? error.message : String(error));
    } finally {
      setBusy(false);
    }
  };
  return (
    <span className="report-exports" role="group" aria-label={t('reports.ticketExport.label')}>
      <button type="button" className="quiet" disabled={busy} onClick={() => void run('period')}>
        {t('reports.ticketExport.period')}
      </button>
      <button type="button" className="quiet" disabled={busy} onClick={() => void run('all')}>
        {t('reports.ticketExport.all')}
      </button>
      {busy ? <span role="status">{t('reports.ticketExport.busy')}</span> : null}
    </span>
  );
}
