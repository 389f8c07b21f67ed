import { DateTime } from 'luxon';
import type { ChangeEvent, MethodOutput, ParsedInput } from '../../shared/contract';
import { categorySchema, channelSchema, priorityFromRank, prioritySchema, tierSchema } from '../../shared/domain/enums';
import {
  BACKLOG_BUCKETS,
  backlogBucket,
  percentiles,
  periodBounds,
  previousPeriod,
  REPORT_ZONE,
  seriesBuckets,
  type Drilldown,
  type Figures,
  type Period,
} from '../../shared/domain/report';
import { AppError } from '../../shared/errors';
import { rowsByIds } from '../queries/directory';
import * as q from '../queries/reports';
import type { ServiceContext } from './context';
import { reportCsv, reportXlsx } from './reportExport';
import { monthlyHtml, monthlyModel } from './reportMonthly';
import { monthlyPdf } from './reportMonthlyPdf';
import { monthlyTexts } from '../../shared/i18n/monthlyReport';
import { domainLabels } from '../../shared/i18n/domain';
import type { ActionItem } from '../../shared/domain/problem';
import type { MspOutcome } from './msp';
import { isWorkingDay, type BusinessCalendar } from '../../shared/domain/businessTime';
import { appendEvent } from '../queries/audit';
import { combine, partCache, type Dimension } from './reportParts';
import type { MonitoringRisks } from './monitoringFigures';

type PlannedAction = ActionItem & { problemTitle: string };

/** Most tickets a drilldown names (the list shows them page by page). */
const MAX_DRILLDOWN = 200_000;
const TOP = 10;

type Slice = {
  period: Period;
  created: q.ReportRow[];
  resolved: q.ReportRow[];
  open: { id: number; created_at: string }[];
  end: number;
};

/**
 * The desk's figures for a period: what came in, what was resolved, what stayed open, by dimension; business
 * times and SLA compliance from the clocks as they were stored when they ran (policy changes do not rewrite
 * them); backlog age at the period's end; reopen rate; levels; problems. Each figure can name its tickets.
 */
export function reportsService(
  ctx: ServiceContext,
  deps: {
    plannedActions: () => PlannedAction[];
    mspOutcomes: (range: { from: string; to: string; until: number }) => MspOutcome[];
    calendar: () => BusinessCalendar;
    availability: (range: { from: string; to: string }) => Figures['availability'];
    monitoringRisks: (range: { from: string; to: string }) => MonitoringRisks;
  },
) {
  // Whole months' counts, kept while their version holds (the dashboard's year is twelve of them).
  const parts = partCache(ctx.db);
  const today = () => DateTime.fromJSDate(ctx.now(), { zone: REPORT_ZONE }).toISODate() ?? '';
  const guardPeriod = (period: Period) => {
    if (period.from > today()) throw new AppError('invalid_input', 'report_period_future', { from: period.from });
  };
  const slice = (period: Period): Slice => {
    const { start, end } = periodBounds(period);
    // A period still running ends now: the backlog is today's.
    const until = Math.min(end, ctx.now().getTime());
    const iso = (ms: number) => new Date(ms).toISOString();
    return {
      period,
      created: q.createdIn(ctx.db, iso(start), iso(end)),
      resolved: q.resolvedIn(ctx.db, iso(start), iso(end)),
      open: q.openAt(ctx.db, iso(until)),
      end: until,
    };
  };

  const systemNames = (ids: readonly number[]) =>
    new Map(
      rowsByIds(ctx.db, 'directory_systems', ids).map((row) => [
        row.id,
        (JSON.parse(row.data) as { name: string }).name,
      ]),
    );
  const listed = (counts: Map<string, number>, order?: readonly string[], label = (key: string) => key) =>
    (order
      ? order.filter((k) => counts.has(k))
      : [...counts.keys()].sort((a, b) => (counts.get(b) ?? 0) - (counts.get(a) ?? 0))
    ).map((key) => ({ key, label: label(key), count: counts.get(key) ?? 0 }));

  /**
   * A clock's outcome as of the slice's end: stored when it stopped; a clock still running whose deadline passed
   * before the end is breached by then (the stored state is only as new as the ticket's last change).
   */
  const outcome = (r: q.ReportRow, clock: 'first' | 'resolution', until: number): string | null => {
    const due = r[`${clock}_due_at`];
    if (due !== null && r[`${clock}_state`] !== 'paused' && due < until) return 'breached';
    return r[`${clock}_done`] ? r[`${clock}_state`] : null;
  };

  const figures = (period: Period): Figures => {
    const { start, end } = periodBounds(period);
    const until = Math.min(end, ctx.now().getTime());
    const range = { from: new Date(start).toISOString(), to: new Date(end).toISOString() };
    const c = combine(parts.parts(start, end), range, until);
    const sum = (keyOf: (row: Dimension) => string | null) => {
      const counts = new Map<string, number>();
      for (const row of c.dimensions) {
        const key = keyOf(row);
        if (key !== null) counts.set(key, (counts.get(key) ?? 0) + row.n);
      }
      return counts;
    };
    const systems = [...c.systems].sort((x, y) => y[1] - x[1] || x[0] - y[0]);
    const names = systemNames(systems.map(([id]) => id));
    const backlog = new Map<string, number>();
    for (const row of q.backlogAt(ctx.db, until, new Date(until).toISOString()))
      backlog.set(row.bucket, (backlog.get(row.bucket) ?? 0) + row.n);
    const opened = c.dimensions.reduce((n, row) => n + row.n, 0);
    const resolvedCount = [...c.tiers.values()].reduce((n, v) => n + v, 0);
    return {
      opened,
      resolved: resolvedCount,
      openAtEnd: [...backlog.values()].reduce((n, v) => n + v, 0),
      byPriority: listed(
        sum((r) => priorityFromRank(r.priority)),
        prioritySchema.options,
      ),
      byCategory: listed(
        sum((r) => r.category ?? 'none'),
        [...categorySchema.options, 'none'],
      ),
      byChannel: listed(
        sum((r) => r.channel),
        channelSchema.options,
      ),
      byDepartment: listed(sum((r) => r.department || null)).slice(0, TOP),
      bySystem: systems
        .slice(0, TOP)
        .map(([id, n]) => ({ key: String(id), label: names.get(id) ?? `#${id}`, count: n })),
      times: prioritySchema.options.map((priority, i) => ({
        priority,
        firstResponse: percentiles(c.times.first[i] ?? []),
        resolution: percentiles(c.times.resolution[i] ?? []),
      })),
      sla: prioritySchema.options.map((priority, i) => ({
        priority,
        first: c.outcomes.first[i] ?? { met: 0, breached: 0 },
        resolution: c.outcomes.resolution[i] ?? { met: 0, breached: 0 },
      })),
      backlog: BACKLOG_BUCKETS.map((bucket) => ({ bucket, count: backlog.get(bucket) ?? 0 })),
      reopen: { resolved: resolvedCount, reopened: c.reopened },
      tiers: tierSchema.options.map((tier) => ({ tier, count: c.tiers.get(tier) ?? 0 })),
      problems: q.problemsInRange(ctx.db, range, 5),
      msp: mspFigures(deps.mspOutcomes({ ...range, until })),
      checklists: { resolved: resolvedCount, ...q.checklistUse(ctx.db, range), overridden: c.overridden },
      series: series(period, range),
      availability: deps.availability(range),
    };
  };

  /** Opened and resolved per bucket of the period's trend. */
  const series = (period: Period, range: { from: string; to: string }): Figures['series'] => {
    const { unit, buckets } = seriesBuckets(period);
    const counts = q.countsBetween(ctx.db, [...buckets.map((b) => `${b.startHour}:00:00.000Z`), range.to]);
    return {
      unit,
      points: buckets.map((b, i) => ({
        from: b.from,
        opened: counts[i]?.opened ?? 0,
        resolved: counts[i]?.resolved ?? 0,
      })),
    };
  };

  const mspFigures = (outcomes: MspOutcome[]): Figures['msp'] => {
    const byProvider = new Map<string, Figures['msp'][number]>();
    for (const o of outcomes) {
      const entry = byProvider.get(o.providerId) ?? {
        providerId: o.providerId,
        providerName: o.providerName,
        escalated: 0,
        reaction: { met: 0, breached: 0, pending: 0 },
        resolution: { met: 0, breached: 0, pending: 0 },
      };
      entry.escalated += 1;
      entry.reaction[o.reaction] += 1;
      entry.resolution[o.resolution] += 1;
      byProvider.set(o.providerId, entry);
    }
    return [...byProvider.values()].sort((a, b) => b.escalated - a.escalated);
  };

  /** The tickets one figure counts, in the order the list shows them (newest first). */
  const ticketsOf = (period: Period, drilldown: Drilldown): number[] => {
    const s = slice(period);
    const ids = (rows: readonly { id: number }[]) => rows.map((r) => r.id);
    const rank = (p: string) => prioritySchema.options.indexOf(p as never) + 1;
    switch (drilldown.figure) {
      case 'opened':
        return ids(s.created);
      case 'resolved':
        return ids(s.resolved);
      case 'openAtEnd':
        return ids(s.open);
      case 'reopened':
        return [...q.reopenedAmong(ctx.db, ids(s.resolved))];
      case 'priority':
        return ids(s.created.filter((r) => r.priority === rank(drilldown.key)));
      case 'category':
        return ids(s.created.filter((r) => (r.category ?? 'none') === drilldown.key));
      case 'channel':
        return ids(s.created.filter((r) => r.channel === drilldown.key));
      case 'department':
        return ids(s.created.filter((r) => r.department.trim() === drilldown.key));
      case 'system': {
        const wanted = Number(drilldown.key);
        return q
          .systemsOf(ctx.db, ids(s.created))
          .filter((l) => l.ref_id === wanted)
          .map((l) => l.ticket_id);
      }
      case 'tier':
        return ids(s.resolved.filter((r) => r.tier === drilldown.key));
      case 'msp': {
        const { start, end } = periodBounds(period);
        const range = { from: new Date(start).toISOString(), to: new Date(end).toISOString(), until: s.end };
        const wanted = deps
          .mspOutcomes(range)
          .filter((o) => o.providerId === drilldown.key && o[drilldown.clock] === drilldown.outcome);
        return [...new Set(wanted.map((o) => o.ticketId))];
      }
      case 'checklists': {
        const { start, end } = periodBounds(period);
        const range = { from: new Date(start).toISOString(), to: new Date(end).toISOString() };
        return q.checklistTickets(ctx.db, ids(s.resolved), drilldown.key, range);
      }
      case 'backlog':
        return ids(s.open.filter((r) => backlogBucket(s.end - Date.parse(r.created_at)) === drilldown.key));
      case 'sla': {
        const rows = drilldown.clock === 'first' ? s.created : s.resolved;
        return ids(
          rows.filter(
            (r) => r.priority === rank(drilldown.key) && outcome(r, drilldown.clock, s.end) === drilldown.outcome,
          ),
        );
      }
    }
  };

  return {
    /** For the ticket list: the tickets a report figure counts (`filter.report`). */
    ticketsOf: (period: Period, drilldown: Drilldown) => {
      guardPeriod(period);
      return ticketsOf(period, drilldown).slice(0, MAX_DRILLDOWN);
    },
    handlers: {
      'reports.remind': (): MethodOutput<'reports.remind'> => {
        const day = DateTime.fromISO(today());
        let first = day.startOf('month');
        // A month has working days; the bound only guards a calendar without any.
        for (let i = 0; i < 31 && !isWorkingDay(first.toISODate() ?? '', deps.calendar()); i += 1)
          first = first.plus({ days: 1 });
        const month = day.minus({ months: 1 }).toFormat('yyyy-MM');
        if (day < first || q.wasReminded(ctx.db, month)) return { due: null };
        return ctx.write(
          () => {
            const at = ctx.now().toISOString();
            q.markReminded(ctx.db, month, at);
            appendEvent(ctx.db, {
              ticketId: null,
              at,
              actor: 'Leitstand',
              kind: 'reports.monthlyDue',
              data: { month },
            });
            return { due: month };
          },
          (): ChangeEvent[] => [{ entity: 'reportDue', ids: [], month }],
        );
      },
      'reports.dashboard': (input: ParsedInput<'reports.dashboard'>): MethodOutput<'reports.dashboard'> => {
        guardPeriod(input.period);
        const previous = input.compare ? previousPeriod(input.period) : null;
        return {
          period: input.period,
          previous,
          current: figures(input.period),
          before: previous ? figures(previous) : null,
        };
      },
      'reports.drilldown': (input: ParsedInput<'reports.drilldown'>): MethodOutput<'reports.drilldown'> => {
        guardPeriod(input.period);
        const all = ticketsOf(input.period, input.drilldown);
        return { count: all.length, ticketIds: all.slice(0, MAX_DRILLDOWN) };
      },
      'reports.monthly': (
        input: ParsedInput<'reports.monthly'>,
      ): MethodOutput<'reports.monthly'> | Promise<MethodOutput<'reports.monthly'>> => {
        const first = DateTime.fromISO(`${input.month}-01`);
        const period = { from: input.month + '-01', to: first.endOf('month').toISODate() ?? input.month };
        guardPeriod(period);
        const { start, end } = periodBounds(period);
        const range = { from: new Date(start).toISOString(), to: new Date(end).toISOString() };
        const model = monthlyModel({
          month: input.month,
          language: input.language,
          remarks: input.remarks,
          current: figures(period),
          before: figures(previousPeriod(period)),
          incidents: q.topIncidents(ctx.db, range, 3),
          actions: deps.plannedActions(),
          monitoring: deps.monitoringRisks(range),
          statusLabel: (status) =>
            domainLabels[input.language].status[status as keyof typeof domainLabels.de.status] ?? status,
          now: ctx.now(),
        });
        const name = `${monthlyTexts[input.language].fileName}-${input.month}`;
        if (input.format === 'pdf')
          return monthlyPdf(model, ctx.now()).then((pdf) => ({
            fileName: `${name}.pdf`,
            mimeType: 'application/pdf',
            contentBase64: pdf.toString('base64'),
          }));
        return { fileName: `${name}.html`, mimeType: 'text/html; charset=utf-8', text: monthlyHtml(model) };
      },
      'reports.export': (
        input: ParsedInput<'reports.export'>,
      ): MethodOutput<'reports.export'> | Promise<MethodOutput<'reports.export'>> => {
        guardPeriod(input.period);
        const f = figures(input.period);
        return input.format === 'xlsx'
          ? reportXlsx(input.table, f, input.period, input.language)
          : reportCsv(input.table, f, input.period, input.language);
      },
    },
  };
}
