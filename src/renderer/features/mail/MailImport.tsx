import { useRef, useState, type DragEvent } from 'react';
import { fileToBase64 } from '../../local/fileBase64';
import { useTranslation } from 'react-i18next';
import type { MethodOutput } from '../../../shared/contract';
import { ApiError } from '../../api/client';
import { useClient } from '../../api/context';
import { useUi } from '../../state/ui';

export const isMailFile = (file: File) => /\.(eml|msg)$/i.test(file.name);

/** Files in groups of at most `bytes` (a larger file goes alone) and at most 500 files. */
function batches(files: File[], bytes: number): File[][] {
  const groups: File[][] = [];
  let current: File[] = [];
  let size = 0;
  for (const file of files) {
    if (current.length && (size + file.size > bytes || current.length >= 500)) {
      groups.push(current);
      current = [];
      size = 0;
    }
    current.push(file);
    size += file.size;
  }
  if (current.length) groups.push(current);
  return groups;
}

/** Takes mail files in (each a ticket or an entry on its ticket), says what became of each, opens a new ticket. */
export function useMailImport() {
  const { t } = useTranslation();
  const client = useClient();
  const toast = useUi((s) => s.toast);
  const navigate = useUi((s) => s.navigate);
  return async (files: File[]) => {
    const mails = files.filter(isMailFile);
    if (!mails.length) return;
    try {
      // In batches of about 20 MB, so a drop of hundreds of mails stays within what one call may carry.
      const results: MethodOutput<'mail.import'>['results'] = [];
      for (const batch of batches(mails, 20 * 1024 * 1024)) {
        const answer = await client.call('mail.import', {
          files: await Promise.all(
            batch.map(async (f) => ({ fileName: f.name, contentBase64: await fileToBase64(f) })),
          ),
        });
        results.push(...answer.results);
      }
      const taken = results.filter((r) => r.error === null);
      const lines = results.map((r) =>
        r.error
          ? `${r.fileName}: ${r.error}`
          : `${r.fileName}: ${t(`mail.import.outcome.${r.outcome}`, { number: r.ticketNumber ?? '' })}`,
      );
      toast(
        taken.length === results.length ? 'info' : 'error',
        [t('mail.import.done', { count: taken.length }), ...lines].join(' · '),
      );
      const opened = taken.find((r) => r.ticketId !== null && (r.outcome === 'ticket' || r.outcome === 'linked'));
      if (opened?.ticketId && results.length === 1) navigate({ name: 'ticket', id: opened.ticketId });
    } catch (error) {
      toast('error', error instanceof ApiError ? error.message : String(error));
    }
  };
}

/** "Import e-mails": a file picker for .eml and .msg (dropping them on the window works as well). */
export function MailImportButton() {
  const { t } = useTranslation();
  const input = useRef<HTMLInputElement>(null);
  const importMails = useMailImport();
  return (
    <>
      <button
        type="button"
        onClick={() => input.current?.click()}
        title={t('mail.import.title')}
        aria-label={t('mail.import.button')}
        data-testid="mail-import"
      >
        {t('mail.import.short')}
      </button>
      <input
        ref={input}
        type="file"
        accept=".eml,.msg,message/rfc822,application/vnd.ms-outlook"
        multiple
        hidden
        data-testid="mail-import-input"
        onChange={(e) => {
          const files = Array.from(e.target.files ?? []);
          e.target.value = '';
          void importMails(files);
        }}
      />
    </>
  );
}

/**
 * Mail files dropped anywhere on the window (but on a ticket, where a drop attaches files) are taken in.
 * `enabled` is false where another drop target owns the drop.
 */
export function useMailDrop(enabled: boolean) {
  const importMails = useMailImport();
  const [active, setActive] = useState(false);
  const props = {
    onDragOver: (event: DragEvent) => {
      if (!enabled || !event.dataTransfer.types.includes('Files')) return;
      event.preventDefault();
      setActive(true);
    },
    onDragLeave: (event: DragEvent) => {
      if (event.currentTarget === event.target) setActive(false);
    },
    onDrop: (event: DragEvent) => {
      setActive(false);
      if (!enabled || event.defaultPrevented) return;
      const files = Array.from(event.dataTransfer.files);
      if (!files.some(isMailFile)) return;
      event.preventDefault();
      void importMails(files);
    },
  };
  return { active, props };
}
