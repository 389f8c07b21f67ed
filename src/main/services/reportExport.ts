import Papa from 'papaparse';
import writeXlsxFile, { type Cell, type SheetData } from 'write-excel-file/node';
import type { Language } from '../../shared/domain/enums';
import type { Figures, Period, ReportTable } from '../../shared/domain/report';
import { reportTexts } from '../../shared/i18n/reportTexts';
import { tableRows, type TableCell } from './reportTables';

export type TableFile =
  { fileName: string; mimeType: string; text: string } | { fileName: string; mimeType: string; contentBase64: string };

/** Cells a spreadsheet would run as a formula start so (OWASP's list: = + - @ tab CR). */
export const FORMULA_START = /^[=+\-@\t\r]/;
/** A text cell that a spreadsheet shows as text, never runs: a leading apostrophe, as Papa Parse does for CSV. */
export const neutralised = (value: string) => (FORMULA_START.test(value) ? `'${value}` : value);

/** Excel's own German CSV: `;`, dd.mm.yyyy, decimal comma; English: `,`, ISO dates, decimal point. */
export function csvFormat(language: Language) {
  const german = language === 'de';
  const numbers = new Map<number, Intl.NumberFormat>();
  const decimal = (value: number, digits: number) => {
    let format = numbers.get(digits);
    if (!format) {
      format = new Intl.NumberFormat(german ? 'de-DE' : 'en-GB', { maximumFractionDigits: digits, useGrouping: false });
      numbers.set(digits, format);
    }
    return format.format(value);
  };
  return {
    delimiter: german ? ';' : ',',
    date: (day: string) => (german ? day.split('-').reverse().join('.') : day),
    cell: (cell: TableCell): string =>
      typeof cell === 'string'
        ? cell
        : typeof cell === 'number'
          ? String(cell)
          : cell.decimal === null
            ? ''
            : decimal(cell.decimal, cell.digits),
  };
}

/**
 * A dashboard table as CSV that Excel opens as it is in Germany (UTF-8 with a BOM, see csvFormat). Cells a
 * spreadsheet would run as a formula are neutralised by Papa Parse's `escapeFormulae` (a leading apostrophe).
 */
export function reportCsv(table: ReportTable, f: Figures, period: Period, language: Language): TableFile {
  const t = reportTexts[language];
  const format = csvFormat(language);
  const rows = tableRows(table, f, language).map((row) => row.map(format.cell));
  const body = Papa.unparse([[t.period, `${format.date(period.from)} – ${format.date(period.to)}`], [], ...rows], {
    delimiter: format.delimiter,
    escapeFormulae: true,
    newline: '\r\n',
  });
  return {
    fileName: `leitstand-${table}-${period.from}-${period.to}.csv`,
    mimeType: 'text/csv; charset=utf-8',
    text: `\uFEFF${body}\r\n`,
  };
}

const dateFormat = (language: Language) => (language === 'de' ? 'dd.mm.yyyy' : 'yyyy-mm-dd');

/** A workbook cell: numbers and dates as real number and date cells, text neutralised against formulas. */
export const xlsxCell = (cell: TableCell | Date | null, language: Language): Cell => {
  if (cell === null) return null;
  if (cell instanceof Date) return { value: cell, type: Date, format: dateFormat(language) };
  if (typeof cell === 'string') return { value: neutralised(cell), type: String };
  if (typeof cell === 'number') return { value: cell, type: Number };
  return cell.decimal === null
    ? null
    : { value: cell.decimal, type: Number, format: cell.digits ? `0.${'0'.repeat(cell.digits)}` : '0' };
};

/** A dashboard table as an Excel workbook: the period as two date cells, then the table with a bold header. */
export async function reportXlsx(table: ReportTable, f: Figures, period: Period, language: Language) {
  const t = reportTexts[language];
  const day = (iso: string) => new Date(`${iso}T00:00:00Z`);
  const rows = tableRows(table, f, language);
  const data: SheetData = [
    [
      { value: t.period, type: String, fontWeight: 'bold' },
      xlsxCell(day(period.from), language),
      xlsxCell(day(period.to), language),
    ],
    [],
    ...rows.map((row, i) =>
      row.map((cell) => {
        const written = xlsxCell(cell, language);
        return i === 0 && written && typeof written === 'object' && 'value' in written
          ? { ...written, fontWeight: 'bold' as const }
          : written;
      }),
    ),
  ];
  const buffer = await writeXlsxFile(data, {
    sheet: t.sheet,
    columns: [{ width: 36 }, ...Array.from({ length: 7 }, () => ({ width: 16 }))],
  }).toBuffer();
  return {
    fileName: `leitstand-${table}-${period.from}-${period.to}.xlsx`,
    mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    contentBase64: buffer.toString('base64'),
  };
}
