import { DateTime } from 'luxon';
import { z } from 'zod';
import { categorySchema, channelSchema, prioritySchema, tierSchema } from './enums';
import { rule } from './rule';

/** Reports count Berlin calendar days: a period is its first and last day, both included. */
export const REPORT_ZONE = 'Europe/Berlin';
const MAX_YEARS = 5;

const day = z.iso.date();
export const periodSchema = z
  .strictObject({ from: day, to: day })
  .refine((p) => p.from <= p.to, rule('rule_period_reversed', 'the period ends before it starts'))
  .refine(
    (p) => DateTime.fromISO(p.to).diff(DateTime.fromISO(p.from), 'years').years <= MAX_YEARS,
    rule('rule_period_too_long', `at most ${MAX_YEARS} years`),
  );
export type Period = z.infer<typeof periodSchema>;

/** The instants a period covers: from its first day's midnight in Berlin to the midnight after its last day. */
export function periodBounds(period: Period): { start: number; end: number } {
  const start = DateTime.fromISO(period.from, { zone: REPORT_ZONE }).startOf('day');
  const end = DateTime.fromISO(period.to, { zone: REPORT_ZONE }).plus({ days: 1 }).startOf('day');
  return { start: start.toMillis(), end: end.toMillis() };
}

/**
 * The period to compare with: from the first of a month, the same stretch of the months before (a month: the
 * month before; this month so far: the same days of last month; a quarter so far: the quarter before, as far);
 * from a Monday within a week, the same days of the week before; otherwise as many days just before.
 */
export function previousPeriod(period: Period): Period {
  const from = DateTime.fromISO(period.from);
  const to = DateTime.fromISO(period.to);
  const iso = (d: DateTime) => d.toISODate() ?? period.from;
  const days = Math.round(to.diff(from, 'days').days) + 1;
  if (from.day === 1) {
    const months = to.year * 12 + to.month - (from.year * 12 + from.month) + 1;
    const start = from.minus({ months });
    const monthEnd = to.endOf('month').startOf('day').equals(to);
    const end = monthEnd ? to.minus({ months }).endOf('month').startOf('day') : to.minus({ months });
    return { from: iso(start), to: iso(end) };
  }
  if (from.weekday === 1 && days <= 7) return { from: iso(from.minus({ days: 7 })), to: iso(to.minus({ days: 7 })) };
  return { from: iso(from.minus({ days })), to: iso(from.minus({ days: 1 })) };
}

export const periodPresetSchema = z.enum(['thisWeek', 'lastWeek', 'thisMonth', 'lastMonth', 'quarter', 'year']);
export type PeriodPreset = z.infer<typeof periodPresetSchema>;

/** A named period as of a Berlin day ("today"); the quarter and year are the calendar ones so far. */
export function presetPeriod(preset: PeriodPreset, today: string): Period {
  const t = DateTime.fromISO(today);
  const iso = (d: DateTime) => d.toISODate() ?? today;
  switch (preset) {
    case 'thisWeek':
      return { from: iso(t.startOf('week')), to: today };
    case 'lastWeek':
      return { from: iso(t.startOf('week').minus({ weeks: 1 })), to: iso(t.startOf('week').minus({ days: 1 })) };
    case 'thisMonth':
      return { from: iso(t.startOf('month')), to: today };
    case 'lastMonth':
      return { from: iso(t.startOf('month').minus({ months: 1 })), to: iso(t.startOf('month').minus({ days: 1 })) };
    case 'quarter':
      return { from: iso(t.startOf('quarter')), to: today };
    case 'year':
      return { from: iso(t.startOf('year')), to: today };
  }
}

export const reportTableSchema = z.enum([
  'summary',
  'dimensions',
  'times',
  'sla',
  'backlog',
  'tiers',
  'msp',
  'checklists',
  'availability',
]);
export type ReportTable = z.infer<typeof reportTableSchema>;

/** How the trend of a period is cut: days up to two months, weeks up to a year and a bit, months beyond. */
export type SeriesUnit = 'day' | 'week' | 'month';
export const seriesUnit = (period: Period): SeriesUnit => {
  const days = Math.round(DateTime.fromISO(period.to).diff(DateTime.fromISO(period.from), 'days').days) + 1;
  return days <= 62 ? 'day' : days <= 400 ? 'week' : 'month';
};

/**
 * The buckets of a period's trend: each its first Berlin day and the UTC hour its midnight falls on
 * ("YYYY-MM-DDTHH", as ISO instants begin), so stored instants are sorted into them by comparing text.
 * Weeks start on Monday, months on the 1st; the first bucket starts with the period.
 */
export function seriesBuckets(period: Period): { unit: SeriesUnit; buckets: { from: string; startHour: string }[] } {
  const unit = seriesUnit(period);
  const end = DateTime.fromISO(period.to, { zone: REPORT_ZONE });
  const buckets: { from: string; startHour: string }[] = [];
  for (let d = DateTime.fromISO(period.from, { zone: REPORT_ZONE }).startOf('day'); d <= end;) {
    buckets.push({ from: d.toISODate() ?? period.from, startHour: d.toUTC().toISO()?.slice(0, 13) ?? '' });
    d =
      unit === 'day'
        ? d.plus({ days: 1 })
        : unit === 'week'
          ? d.startOf('week').plus({ weeks: 1 })
          : d.startOf('month').plus({ months: 1 });
  }
  return { unit, buckets };
}

export const BACKLOG_BUCKETS = ['d0_1', 'd1_3', 'd3_7', 'w1_4', 'over4w'] as const;
export type BacklogBucket = (typeof BACKLOG_BUCKETS)[number];
const DAY_MS = 86_400_000;
/** The age bucket of a ticket open for `ms`: 0–1 d, 1–3 d, 3–7 d, 1–4 w, over 4 w (lower bounds included). */
export function backlogBucket(ms: number): BacklogBucket {
  if (ms < DAY_MS) return 'd0_1';
  if (ms < 3 * DAY_MS) return 'd1_3';
  if (ms < 7 * DAY_MS) return 'd3_7';
  if (ms < 28 * DAY_MS) return 'w1_4';
  return 'over4w';
}

/** Median and 90th percentile by the nearest-rank method (no interpolation: every figure is a real ticket's). */
export function percentiles(values: readonly number[]): { median: number | null; p90: number | null; count: number } {
  if (!values.length) return { median: null, p90: null, count: 0 };
  // A typed array sorts numbers natively (a year holds tens of thousands of clocks).
  const sorted = Float64Array.from(values).sort();
  const rank = (q: number) => sorted[Math.max(0, Math.ceil(q * sorted.length) - 1)] ?? null;
  return { median: rank(0.5), p90: rank(0.9), count: sorted.length };
}

const counts = z.array(z.strictObject({ key: z.string(), label: z.string(), count: z.int() }));
const timing = z.strictObject({ median: z.number().nullable(), p90: z.number().nullable(), count: z.int() });
const compliance = z.strictObject({ met: z.int(), breached: z.int() });
const mspCompliance = z.strictObject({ met: z.int(), breached: z.int(), pending: z.int() });

export const figuresSchema = z.strictObject({
  opened: z.int(),
  resolved: z.int(),
  openAtEnd: z.int(),
  byPriority: counts,
  byCategory: counts,
  byChannel: counts,
  byDepartment: counts,
  bySystem: counts,
  /** Business time in ms (under the SLA calendar the clocks ran in), per priority. */
  times: z.array(z.strictObject({ priority: prioritySchema, firstResponse: timing, resolution: timing })),
  sla: z.array(z.strictObject({ priority: prioritySchema, first: compliance, resolution: compliance })),
  backlog: z.array(z.strictObject({ bucket: z.enum(BACKLOG_BUCKETS), count: z.int() })),
  reopen: z.strictObject({ resolved: z.int(), reopened: z.int() }),
  tiers: z.array(z.strictObject({ tier: tierSchema, count: z.int() })),
  problems: z.array(z.strictObject({ id: z.int(), title: z.string(), incidents: z.int() })),
  /** Per provider, the tickets first escalated in the period against its contract, as of the period's end. */
  msp: z.array(
    z.strictObject({
      providerId: z.string(),
      providerName: z.string(),
      escalated: z.int(),
      reaction: mspCompliance,
      resolution: mspCompliance,
    }),
  ),
  /** Opened and resolved per day, week or month of the period (see seriesBuckets). */
  series: z.strictObject({
    unit: z.enum(['day', 'week', 'month']),
    points: z.array(z.strictObject({ from: day, opened: z.int(), resolved: z.int() })),
  }),
  /** Of the tickets resolved in the period: worked along a runbook, the runs, resolved past the checklist gate. */
  checklists: z.strictObject({ resolved: z.int(), withRun: z.int(), runs: z.int(), overridden: z.int() }),
  /** The critical systems of the directory that are monitored: uptime in the period (%), outages, flapping. */
  availability: z.array(
    z.strictObject({
      systemId: z.int(),
      name: z.string(),
      uptime: z.number().nullable(),
      outages: z.int(),
      flapped: z.boolean(),
    }),
  ),
});
export type Figures = z.infer<typeof figuresSchema>;

/** A figure of the dashboard, named so that the ticket list can show exactly the tickets it counts. */
export const drilldownSchema = z.discriminatedUnion('figure', [
  z.strictObject({ figure: z.enum(['opened', 'resolved', 'openAtEnd', 'reopened']) }),
  z.strictObject({ figure: z.literal('priority'), key: prioritySchema }),
  z.strictObject({ figure: z.literal('category'), key: categorySchema.or(z.literal('none')) }),
  z.strictObject({ figure: z.literal('channel'), key: channelSchema }),
  z.strictObject({ figure: z.literal('department'), key: z.string().max(120) }),
  z.strictObject({ figure: z.literal('system'), key: z.string().regex(/^\d{1,15}$/) }),
  z.strictObject({ figure: z.literal('tier'), key: tierSchema }),
  z.strictObject({ figure: z.literal('backlog'), key: z.enum(BACKLOG_BUCKETS) }),
  z.strictObject({
    figure: z.literal('msp'),
    key: z.string().max(60),
    clock: z.enum(['reaction', 'resolution']),
    outcome: z.enum(['met', 'breached', 'pending']),
  }),
  z.strictObject({ figure: z.literal('checklists'), key: z.enum(['withRun', 'overridden']) }),
  z.strictObject({
    figure: z.literal('sla'),
    key: prioritySchema,
    clock: z.enum(['first', 'resolution']),
    outcome: z.enum(['met', 'breached']),
  }),
]);
export type Drilldown = z.infer<typeof drilldownSchema>;
export const reportFilterSchema = z.strictObject({ period: periodSchema, drilldown: drilldownSchema });
export type ReportFilter = z.infer<typeof reportFilterSchema>;
