import type { Language } from '../../shared/domain/enums';
import type { Figures, ReportTable } from '../../shared/domain/report';
import { reportTexts } from '../../shared/i18n/reportTexts';

/** A cell of an exported table: text, a count, or a decimal shown with so many digits (empty when unknown). */
export type TableCell = string | number | { decimal: number | null; digits: number };

/** A dashboard table as rows, the first its header: what the CSV and the workbook are both written from. */
export function tableRows(table: ReportTable, f: Figures, language: Language): TableCell[][] {
  const t = reportTexts[language];
  const hours = (ms: number | null) => ({ decimal: ms === null ? null : ms / 3_600_000, digits: 2 });
  const rows: TableCell[][] = [];
  switch (table) {
    case 'summary':
      rows.push([t.figure, t.value]);
      rows.push([t.opened, f.opened], [t.resolved, f.resolved], [t.openAtEnd, f.openAtEnd]);
      rows.push([
        t.reopenRate,
        { decimal: f.reopen.resolved ? (100 * f.reopen.reopened) / f.reopen.resolved : null, digits: 1 },
      ]);
      break;
    case 'dimensions':
      rows.push([t.dimension, t.key, t.count]);
      for (const [name, list] of [
        [t.priority, f.byPriority],
        [t.category, f.byCategory],
        [t.channel, f.byChannel],
        [t.department, f.byDepartment],
        [t.system, f.bySystem],
      ] as const)
        for (const row of list) rows.push([name, row.label, row.count]);
      break;
    case 'times':
      rows.push([
        t.priority,
        t.firstMedian,
        t.firstP90,
        t.firstCount,
        t.resolutionMedian,
        t.resolutionP90,
        t.resolutionCount,
      ]);
      for (const r of f.times)
        rows.push([
          r.priority,
          hours(r.firstResponse.median),
          hours(r.firstResponse.p90),
          r.firstResponse.count,
          hours(r.resolution.median),
          hours(r.resolution.p90),
          r.resolution.count,
        ]);
      break;
    case 'sla':
      rows.push([t.priority, t.firstMet, t.firstBreached, t.resolutionMet, t.resolutionBreached]);
      for (const r of f.sla)
        rows.push([r.priority, r.first.met, r.first.breached, r.resolution.met, r.resolution.breached]);
      break;
    case 'backlog':
      rows.push([t.age, t.count]);
      for (const r of f.backlog) rows.push([t.buckets[r.bucket], r.count]);
      break;
    case 'tiers':
      rows.push([t.tier, t.count]);
      for (const r of f.tiers) rows.push([t.tiers[r.tier], r.count]);
      break;
    case 'msp':
      rows.push([
        t.provider,
        t.escalated,
        t.reactionMet,
        t.reactionBreached,
        t.reactionPending,
        t.mspResolutionMet,
        t.mspResolutionBreached,
        t.mspResolutionPending,
      ]);
      for (const r of f.msp)
        rows.push([
          r.providerName,
          r.escalated,
          r.reaction.met,
          r.reaction.breached,
          r.reaction.pending,
          r.resolution.met,
          r.resolution.breached,
          r.resolution.pending,
        ]);
      break;
    case 'checklists':
      rows.push([t.figure, t.value]);
      rows.push(
        [t.resolved, f.checklists.resolved],
        [t.withRun, f.checklists.withRun],
        [t.runs, f.checklists.runs],
        [t.overridden, f.checklists.overridden],
      );
      break;
    case 'availability':
      rows.push([t.system, t.uptimePercent, t.outages, t.flapped]);
      for (const r of f.availability)
        rows.push([r.name, { decimal: r.uptime, digits: 1 }, r.outages, r.flapped ? t.yes : t.no]);
      break;
  }
  return rows;
}
