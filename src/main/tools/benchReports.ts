import { stats, time, type Stats } from './benchStats';

type Call = (method: string, input: unknown) => Promise<unknown>;
export type ReportResults = {
  /** The first call of a fresh host: every month of both periods counted from the facts. */
  yearCold: number;
  month: Stats;
  year: Stats;
  /** A year while the desk keeps working: before each call a ticket of the period changes (not timed). */
  yearChanging: Stats;
  drilldown: Stats;
  list: Stats;
  /** The full CSV export of every ticket, written and fetched whole; `during`: a small call meanwhile. */
  fullExport: { ms: number; rows: number; bytes: number; during: Stats };
};

/**
 * Every ticket exported and fetched while a small call (one ticket) is timed beside it every 20 ms, on a
 * connection of its own (as the renderer's calls go beside a running export).
 */
async function fullExport(host: { call: Call; callBeside: Call }): Promise<ReportResults['fullExport']> {
  let exporting = true;
  const during: number[] = [];
  const t0 = performance.now();
  const probe = (async () => {
    while (exporting) {
      const started = performance.now();
      await host.callBeside('tickets.get', { id: 1 });
      during.push(performance.now() - started);
      if (process.env['BENCH_TRACE'] && performance.now() - started > 100)
        console.log(`slow probe at ${(started - t0).toFixed(0)} ms: ${(performance.now() - started).toFixed(0)} ms`);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  })();
  const started = performance.now();
  const made = (await host.call('reports.tickets.export', { period: null, language: 'de' })) as {
    exportId: string;
    rows: number;
    bytes: number;
  };
  for (let offset: number | null = 0; offset !== null;) {
    const chunk = (await host.call('reports.tickets.chunk', { exportId: made.exportId, offset })) as {
      nextOffset: number | null;
    };
    offset = chunk.nextOffset;
  }
  const ms = performance.now() - started;
  exporting = false;
  await probe;
  return { ms, rows: made.rows, bytes: made.bytes, during: stats(during) };
}

/** The dashboard on the seeded desk through HTTP: a month and a year with comparison, a figure's tickets. */
export async function reportsBench(host: { call: Call; callBeside: Call }, runs: number): Promise<ReportResults> {
  const month = { from: '2026-10-01', to: '2026-10-31' };
  const year = { from: '2025-11-01', to: '2026-10-31' };
  const drill = { figure: 'sla', key: 'P2', clock: 'resolution', outcome: 'breached' };
  // Steady state: the indexes a fresh host builds in steps on the store's thread (patterns, knowledge base) are
  // built first, so they do not take turns with the figures measured.
  await host.call('problems.patterns.list', {});
  await host.call('kb.search', { q: 'drucker' });
  const yearCold = (await time(1, () => host.call('reports.dashboard', { period: year }), 0))[0] ?? 0;
  const october = (await host.call('reports.drilldown', {
    period: { from: '2026-10-01', to: '2026-10-31' },
    drilldown: { figure: 'opened' },
  })) as { ticketIds: number[] };
  const changeOne = async (i: number) => {
    const id = october.ticketIds[i % october.ticketIds.length] ?? 1;
    const { ticket } = (await host.call('tickets.get', { id })) as { ticket: { version: number } };
    await host.call('tickets.update', {
      id,
      expectedVersion: ticket.version,
      triageOverride: { priority: i % 2 ? 'P2' : 'P3', reason: 'Bench' },
    });
  };
  const yearRuns = Math.max(10, Math.round(runs / 5));
  const yearChanging: number[] = [];
  for (let i = 0; i < yearRuns; i += 1) {
    await changeOne(i);
    yearChanging.push(...(await time(1, () => host.call('reports.dashboard', { period: year }), 0)));
  }
  return {
    yearCold,
    yearChanging: stats(yearChanging),
    month: stats(await time(runs, () => host.call('reports.dashboard', { period: month }))),
    year: stats(await time(yearRuns, () => host.call('reports.dashboard', { period: year }))),
    drilldown: stats(await time(runs, () => host.call('reports.drilldown', { period: month, drilldown: drill }))),
    list: stats(
      await time(runs, () =>
        host.call('tickets.list', { filter: { report: { period: month, drilldown: drill } }, limit: 100 }),
      ),
    ),
    fullExport: await fullExport(host),
  };
}
