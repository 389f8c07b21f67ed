import { once } from 'node:events';
import { closeSync, createWriteStream, fsyncSync, openSync, renameSync, rmSync } from 'node:fs';
import { DatabaseSync } from 'node:sqlite';
import { setImmediate as yieldToOthers } from 'node:timers/promises';
import Papa from 'papaparse';
import { priorityFromRank, type Language } from '../../../shared/domain/enums';
import { periodBounds, REPORT_ZONE, type Period } from '../../../shared/domain/report';
import { domainLabels } from '../../../shared/i18n/domain';
import { ticketExportTexts } from '../../../shared/i18n/reportTexts';
import { exportPage, type ExportRow } from '../../queries/ticketExport';
import { csvFormat } from '../../services/reportExport';

/** Rows per read: a page is read and formatted in a few milliseconds, then the event loop serves others. */
const PAGE = 250;

/** Berlin wall-clock time as Excel reads it in German ("01.11.2026 09:00") or in English ("2026-11-01 09:00"). */
function timeFormat(language: Language) {
  const format = new Intl.DateTimeFormat(language === 'de' ? 'de-DE' : 'en-CA', {
    timeZone: REPORT_ZONE,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  });
  return (iso: string | null) => {
    if (!iso) return '';
    const part = new Map(format.formatToParts(new Date(iso)).map((p) => [p.type, p.value]));
    const [y, m, d, h, min] = (['year', 'month', 'day', 'hour', 'minute'] as const).map((k) => part.get(k) ?? '');
    return language === 'de' ? `${d}.${m}.${y} ${h}:${min}` : `${y}-${m}-${d} ${h}:${min}`;
  };
}

function rowFormat(language: Language) {
  const labels = domainLabels[language];
  const t = ticketExportTexts[language];
  const csv = csvFormat(language);
  const time = timeFormat(language);
  const hours = (ms: number | null) => csv.cell({ decimal: ms === null ? null : ms / 3_600_000, digits: 2 });
  const label = <K extends string>(map: Record<K, string>, key: string | null) =>
    key !== null && Object.hasOwn(map, key) ? map[key as K] : (key ?? '');
  const clock = (state: string | null) => (state === null ? '' : label(t.clockState, state));
  return (r: ExportRow): string[] => [
    r.number,
    r.title,
    label(labels.status, r.status),
    priorityFromRank(r.priority),
    label(labels.level, r.impact),
    label(labels.level, r.urgency),
    label(labels.category, r.category),
    label(labels.channel, r.channel),
    label(labels.tier, r.tier),
    r.requester_name,
    r.requester_department,
    r.assignee ?? '',
    time(r.created_at),
    time(r.resolved_at),
    hours(r.first_elapsed),
    clock(r.first_state),
    hours(r.resolution_elapsed),
    clock(r.resolution_state),
    r.resolution ?? '',
  ];
}

/**
 * Writes every ticket (or those that came in within a period) as CSV for Excel, without a row cap: read in pages
 * from one read transaction of its own connection (one consistent state of the desk; the store's writer is never
 * held up, WAL), each page appended to the file and the event loop given back before the next. The file appears
 * under its name only once complete and on disk.
 */
export async function writeTicketExport(options: {
  databaseFile: string;
  target: string;
  language: Language;
  period: Period | null;
  pageSize?: number;
}): Promise<{ rows: number; bytes: number }> {
  const { language } = options;
  const csv = csvFormat(language);
  const format = rowFormat(language);
  const range = options.period ? periodBounds(options.period) : null;
  const from = range ? new Date(range.start).toISOString() : null;
  const to = range ? new Date(range.end).toISOString() : null;
  const partial = `${options.target}.part`;
  const out = createWriteStream(partial, { flags: 'wx' });
  const db = new DatabaseSync(options.databaseFile, { readOnly: true });
  let rows = 0;
  let bytes = 0;
  const write = async (text: string) => {
    bytes += Buffer.byteLength(text);
    if (!out.write(text)) await once(out, 'drain');
  };
  const unparse = (data: string[][]) =>
    Papa.unparse(data, { delimiter: csv.delimiter, escapeFormulae: true, newline: '\r\n' }) + '\r\n';
  try {
    db.exec('PRAGMA busy_timeout = 5000');
    db.exec('BEGIN');
    await write(`\uFEFF${unparse([ticketExportTexts[language].columns])}`);
    for (let afterId = 0; ;) {
      const page = exportPage(db, { afterId, limit: options.pageSize ?? PAGE, from, to });
      if (!page.length) break;
      await write(unparse(page.map(format)));
      rows += page.length;
      afterId = page.at(-1)?.id ?? afterId;
      await yieldToOthers();
    }
    db.exec('COMMIT');
    out.end();
    await once(out, 'finish');
    const fd = openSync(partial, 'r+');
    try {
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(partial, options.target);
    return { rows, bytes };
  } catch (error) {
    out.destroy();
    rmSync(partial, { force: true });
    throw error;
  } finally {
    db.close();
  }
}
