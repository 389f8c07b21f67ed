import { stats, time, type Stats } from './benchStats';

type Call = (method: string, input: unknown) => Promise<unknown>;
export type ReportResults = { month: Stats; year: Stats; drilldown: Stats; list: Stats };

/** The dashboard on the seeded desk through HTTP: a month and a year with comparison, a figure's tickets. */
export async function reportsBench(host: { call: Call }, runs: number): Promise<ReportResults> {
  const month = { from: '2026-10-01', to: '2026-10-31' };
  const year = { from: '2025-11-01', to: '2026-10-31' };
  const drill = { figure: 'sla', key: 'P2', clock: 'resolution', outcome: 'breached' };
  return {
    month: stats(await time(runs, () => host.call('reports.dashboard', { period: month }))),
    year: stats(await time(Math.max(10, Math.round(runs / 5)), () => host.call('reports.dashboard', { period: year }))),
    drilldown: stats(await time(runs, () => host.call('reports.drilldown', { period: month, drilldown: drill }))),
    list: stats(
      await time(runs, () =>
        host.call('tickets.list', { filter: { report: { period: month, drilldown: drill } }, limit: 100 }),
      ),
    ),
  };
}
