import { z } from 'zod';
import { languageSchema } from '../domain/enums';
import { drilldownSchema, figuresSchema, periodSchema, reportTableSchema } from '../domain/report';
import { text } from '../domain/fields';
import { rule } from '../domain/rule';
import { command, query } from './common';

export const reportsContract = {
  /** The desk's figures for a period, with the period before it for comparison. */
  'reports.dashboard': query(
    z.strictObject({ period: periodSchema, compare: z.boolean().default(true) }),
    z.strictObject({
      period: periodSchema,
      previous: periodSchema.nullable(),
      current: figuresSchema,
      before: figuresSchema.nullable(),
    }),
  ),
  /** The tickets one figure counts (the ticket list shows them with `filter.report`). */
  'reports.drilldown': query(
    z.strictObject({ period: periodSchema, drilldown: drilldownSchema }),
    z.strictObject({ count: z.int(), ticketIds: z.array(z.int()) }),
  ),
  /**
   * A dashboard table for Excel: CSV (German: `;`, BOM, dd.mm.yyyy, decimal comma) or a workbook with real number
   * and date cells (base64).
   */
  'reports.export': query(
    z.strictObject({
      period: periodSchema,
      table: reportTableSchema,
      format: z.enum(['csv', 'xlsx']).default('csv'),
      language: languageSchema,
    }),
    z.union([
      z.strictObject({ fileName: z.string(), mimeType: z.string(), text: z.string() }),
      z.strictObject({ fileName: z.string(), mimeType: z.string(), contentBase64: z.string() }),
    ]),
  ),
  /**
   * Every ticket (or those that came in within a period) as CSV for Excel, no row cap: written in main from one
   * consistent read of the desk, page by page, then fetched with `reports.tickets.chunk`.
   */
  'reports.tickets.export': query(
    z.strictObject({ period: periodSchema.nullable().default(null), language: languageSchema }),
    z.strictObject({
      exportId: z.string(),
      fileName: z.string(),
      mimeType: z.string(),
      rows: z.int(),
      bytes: z.int(),
    }),
    600_000,
  ),
  /** The next part of a finished export (base64); `nextOffset` null: that was the last, and the file is gone. */
  'reports.tickets.chunk': query(
    z.strictObject({ exportId: z.string().regex(/^[0-9a-f]{32}$/), offset: z.int().min(0) }),
    z.strictObject({ contentBase64: z.string(), nextOffset: z.int().nullable() }),
  ),
  /**
   * On or after the first working day of a month (holidays of the SLA calendar), reminds once that last month's
   * report is due; run hourly by the desk's watch. Answers the month reminded, or null.
   */
  'reports.remind': command(z.strictObject({}), z.strictObject({ due: z.string().nullable() })),
  /**
   * The monthly one-page report for the management, German or English: self-contained printable HTML, or the same
   * page as an A4 PDF (base64).
   */
  'reports.monthly': query(
    z.strictObject({
      month: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, rule('rule_month', 'a month as YYYY-MM')),
      language: languageSchema,
      format: z.enum(['html', 'pdf']).default('html'),
      remarks: text(4000).default(''),
    }),
    z.union([
      z.strictObject({ fileName: z.string(), mimeType: z.string(), text: z.string() }),
      z.strictObject({ fileName: z.string(), mimeType: z.string(), contentBase64: z.string() }),
    ]),
    40_000,
  ),
} as const;
