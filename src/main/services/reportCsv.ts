import Papa from 'papaparse';
import type { Language } from '../../shared/domain/enums';
import type { Figures, Period } from '../../shared/domain/report';
import { reportTexts } from '../../shared/i18n/reportTexts';

export type ReportTable = 'summary' | 'dimensions' | 'times' | 'sla' | 'backlog' | 'tiers';

/**
 * A dashboard table as CSV that Excel opens as it is in Germany: `;` between cells, UTF-8 with a BOM, dates as
 * dd.mm.yyyy, decimal comma (English: `,`, ISO dates, decimal point). Cells a spreadsheet would run as a formula
 * (starting with = + - @ tab or CR) are neutralised by Papa Parse's `escapeFormulae` (a leading apostrophe).
 */
export function reportCsv(table: ReportTable, f: Figures, period: Period, language: Language) {
  const t = reportTexts[language];
  const german = language === 'de';
  const num = (value: number | null, digits = 1) =>
    value === null
      ? ''
      : new Intl.NumberFormat(german ? 'de-DE' : 'en-GB', { maximumFractionDigits: digits, useGrouping: false }).format(
          value,
        );
  const hours = (ms: number | null) => (ms === null ? null : ms / 3_600_000);
  const date = (day: string) => (german ? day.split('-').reverse().join('.') : day);
  const rows: (string | number)[][] = [];
  switch (table) {
    case 'summary':
      rows.push([t.figure, t.value]);
      rows.push([t.opened, f.opened], [t.resolved, f.resolved], [t.openAtEnd, f.openAtEnd]);
      rows.push([t.reopenRate, num(f.reopen.resolved ? (100 * f.reopen.reopened) / f.reopen.resolved : null)]);
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
          num(hours(r.firstResponse.median), 2),
          num(hours(r.firstResponse.p90), 2),
          r.firstResponse.count,
          num(hours(r.resolution.median), 2),
          num(hours(r.resolution.p90), 2),
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
  }
  const body = Papa.unparse(
    [[t.period, `${date(period.from)} – ${date(period.to)}`], [], ...rows].map((row) => row.map(String)),
    { delimiter: german ? ';' : ',', escapeFormulae: true, newline: '\r\n' },
  );
  return {
    fileName: `leitstand-${table}-${period.from}-${period.to}.csv`,
    mimeType: 'text/csv; charset=utf-8',
    text: `\uFEFF${body}\r\n`,
  };
}
