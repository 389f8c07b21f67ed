import { z } from 'zod';
import { languageSchema } from '../domain/enums';
import { drilldownSchema, figuresSchema, periodSchema, reportTableSchema } from '../domain/report';
import { text } from '../domain/fields';
import { rule } from '../domain/rule';
import { query } from './common';

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
  /** The monthly one-page report for the management, as self-contained printable HTML, German or English. */
  'reports.monthly': query(
    z.strictObject({
      month: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, rule('rule_month', 'a month as YYYY-MM')),
      language: languageSchema,
      remarks: text(4000).default(''),
    }),
    z.strictObject({ fileName: z.string(), mimeType: z.string(), text: z.string() }),
    40_000,
  ),
} as const;
