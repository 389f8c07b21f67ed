import { randomBytes } from 'node:crypto';
import { closeSync, mkdirSync, openSync, readdirSync, readSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { DateTime } from 'luxon';
import type { HostHandlers } from '../../app/hostMethods';
import { REPORT_ZONE } from '../../../shared/domain/report';
import { AppError } from '../../../shared/errors';
import { ticketExportTexts } from '../../../shared/i18n/reportTexts';
import { databaseFile } from '../../store/database';
import { writeTicketExport } from './ticketExport';

/** Bytes per chunk the renderer fetches (base64 in one answer stays under the transports' limits). */
export const EXPORT_CHUNK = 512 * 1024;
/** A finished export not fetched within this time is removed (it holds personal data). */
const KEEP_MS = 3_600_000;

export type ExportService = {
  handlers: Pick<HostHandlers, 'reports.tickets.export' | 'reports.tickets.chunk'>;
};

/**
 * The full ticket export in main, off the store's thread: written to a file of the data folder's `exports`, then
 * handed to the renderer in chunks (the same way through IPC and HTTP); the file goes once its last chunk is read,
 * or after an hour.
 */
export function exportService(options: { dataDir: string; now?: () => Date; pageSize?: number }): ExportService {
  const { dataDir, now = () => new Date() } = options;
  const folder = join(dataDir, 'exports');
  let running = false;
  const fileOf = (exportId: string) => join(folder, `${exportId}.csv`);
  const sweep = () => {
    for (const name of readdirSync(folder)) {
      const path = join(folder, name);
      if (now().getTime() - statSync(path).mtimeMs > KEEP_MS || name.endsWith('.part')) rmSync(path, { force: true });
    }
  };
  return {
    handlers: {
      'reports.tickets.export': async ({ period, language }) => {
        const today = DateTime.fromJSDate(now(), { zone: REPORT_ZONE }).toISODate() ?? '';
        if (period && period.from > today)
          throw new AppError('invalid_input', 'report_period_future', { from: period.from });
        if (running) throw new AppError('conflict', 'export_running');
        running = true;
        try {
          mkdirSync(folder, { recursive: true });
          sweep();
          const exportId = randomBytes(16).toString('hex');
          const written = await writeTicketExport({
            databaseFile: databaseFile(dataDir),
            target: fileOf(exportId),
            language,
            period,
            ...(options.pageSize ? { pageSize: options.pageSize } : {}),
          });
          const suffix = period ? `${period.from}-${period.to}` : today;
          return {
            exportId,
            fileName: `${ticketExportTexts[language].fileName}-${suffix}.csv`,
            mimeType: 'text/csv; charset=utf-8',
            ...written,
          };
        } finally {
          running = false;
        }
      },
      'reports.tickets.chunk': async ({ exportId, offset }) => {
        const path = fileOf(exportId);
        let fd: number;
        try {
          fd = openSync(path, 'r');
        } catch {
          throw new AppError('not_found', 'not_found_export');
        }
        let chunk: { contentBase64: string; nextOffset: number | null };
        try {
          const size = statSync(path).size;
          if (offset > size) throw new AppError('invalid_input', 'export_offset', { size });
          const buffer = Buffer.alloc(Math.min(EXPORT_CHUNK, size - offset));
          const read = readSync(fd, buffer, 0, buffer.length, offset);
          const next = offset + read;
          chunk = { contentBase64: buffer.subarray(0, read).toString('base64'), nextOffset: next < size ? next : null };
        } finally {
          closeSync(fd);
        }
        // Handed over whole: the copy in the data folder goes at once.
        if (chunk.nextOffset === null) rmSync(path, { force: true });
        return chunk;
      },
    },
  };
}
