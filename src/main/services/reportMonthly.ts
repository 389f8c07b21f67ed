import { DateTime } from 'luxon';
import type { Language } from '../../shared/domain/enums';
import { priorityFromRank } from '../../shared/domain/enums';
import type { ActionItem } from '../../shared/domain/problem';
import type { Figures } from '../../shared/domain/report';
import { monthlyTexts } from '../../shared/i18n/monthlyReport';
import type { topIncidents } from '../queries/reports';
import type { MonitoringRisks } from './monitoringFigures';

export type MonthlyInput = {
  month: string;
  language: Language;
  remarks: string;
  current: Figures;
  before: Figures;
  incidents: ReturnType<typeof topIncidents>;
  actions: (ActionItem & { problemTitle: string })[];
  monitoring: MonitoringRisks;
  statusLabel: (status: string) => string;
  now: Date;
};

type Texts = (typeof monthlyTexts)[Language];

/** What the monthly page says, in words and figures: the HTML page and the PDF are both drawn from it. */
export type MonthlyModel = {
  language: Language;
  texts: Texts;
  title: string;
  kpis: { label: string; value: string; trend: 'up' | 'down' | 'same'; previous: string }[];
  sla: { priority: string; first: string; resolution: string }[];
  /** The critical systems' uptime in the month: name, uptime, outages. */
  availability: { system: string; uptime: string; outages: number }[];
  incidents: { heading: string; resolution: string }[];
  problems: { title: string; incidents: number; actions: string[] }[];
  risks: string[];
  remarks: string[];
  generated: string;
};

export function monthlyModel(input: MonthlyInput): MonthlyModel {
  const t = monthlyTexts[input.language];
  const locale = input.language === 'de' ? 'de-DE' : 'en-GB';
  const n = new Intl.NumberFormat(locale, { maximumFractionDigits: 1 });
  const monthName = DateTime.fromISO(`${input.month}-01`).setLocale(locale).toFormat('LLLL yyyy');
  const rate = (f: Figures) => (f.reopen.resolved ? (100 * f.reopen.reopened) / f.reopen.resolved : 0);
  const kpi = (label: string, now: number, before: number, suffix = '') => ({
    label,
    value: `${n.format(now)}${suffix}`,
    trend: now > before ? ('up' as const) : now < before ? ('down' as const) : ('same' as const),
    previous: t.previous(`${n.format(before)}${suffix}`),
  });
  const pct = (met: number, breached: number) =>
    met + breached ? `${n.format((100 * met) / (met + breached))} %` : '–';
  const day = (d: string) => DateTime.fromISO(d).setLocale(locale).toLocaleString(DateTime.DATE_MED);
  const overdue = input.actions.filter((a) => a.overdue).length;
  const old = input.current.backlog.find((b) => b.bucket === 'over4w')?.count ?? 0;
  return {
    language: input.language,
    texts: t,
    title: t.title(monthName),
    kpis: [
      kpi(t.opened, input.current.opened, input.before.opened),
      kpi(t.resolved, input.current.resolved, input.before.resolved),
      kpi(t.openAtEnd, input.current.openAtEnd, input.before.openAtEnd),
      kpi(t.reopenRate, rate(input.current), rate(input.before), ' %'),
    ],
    sla: input.current.sla.map((r) => ({
      priority: r.priority,
      first: pct(r.first.met, r.first.breached),
      resolution: pct(r.resolution.met, r.resolution.breached),
    })),
    incidents: input.incidents.map((i) => ({
      heading: `${i.number} · ${priorityFromRank(i.priority)} · ${i.title} (${input.statusLabel(i.status)})`,
      resolution: i.resolution ? i.resolution.slice(0, 300) : '',
    })),
    problems: input.current.problems.map((p) => ({
      title: p.title,
      incidents: p.incidents,
      actions: input.actions
        .filter((a) => a.problemId === p.id)
        .map((a) => `${a.title}${a.owner ? ` – ${a.owner}` : ''}, ${t.due(day(a.due))}`),
    })),
    // One page: the least available first, at most eight.
    availability: input.current.availability.slice(0, 8).map((a) => ({
      system: a.name,
      uptime: a.uptime === null ? '–' : `${n.format(a.uptime)} %`,
      outages: a.outages,
    })),
    risks: [
      overdue ? t.overdue(overdue) : '',
      old ? t.oldBacklog(old) : '',
      ...input.monitoring.certificates.map((c) => {
        const date = day(DateTime.fromISO(c.expiresAt, { zone: 'Europe/Berlin' }).toISODate() ?? '');
        const ended = Date.parse(c.expiresAt) <= input.now.getTime();
        return (ended ? t.certificateEnded : t.certificate)(c.system, c.check, date);
      }),
      ...input.monitoring.flapping.map((f) => t.flapping(f.system, f.outages)),
    ].filter(Boolean),
    remarks: input.remarks.trim() ? input.remarks.trim().split(/\n{2,}/) : [],
    generated: t.generated(
      DateTime.fromJSDate(input.now, { zone: 'Europe/Berlin' }).setLocale(locale).toLocaleString(DateTime.DATETIME_MED),
    ),
  };
}

const escape = (value: string) =>
  value
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');

export const TREND_ARROWS = { up: '↑', down: '↓', same: '→' } as const;

/**
 * One printable A4 page for the managing director: the month's headline figures with trend arrows, SLA compliance,
 * the three most important incidents and what was done, recurring problems and their action items, risks, and the
 * coordinator's remarks. Self-contained: no scripts, no outside resources, every text escaped.
 */
export function monthlyHtml(m: MonthlyModel): string {
  const t = m.texts;
  const kpis = m.kpis
    .map(
      (k) =>
        `<div class="kpi"><span class="label">${escape(k.label)}</span><span class="value">${escape(k.value)}</span><span class="trend">${TREND_ARROWS[k.trend]} ${escape(k.previous)}</span></div>`,
    )
    .join('\n');
  const slaRows = m.sla
    .map((r) => `<tr><th>${r.priority}</th><td>${escape(r.first)}</td><td>${escape(r.resolution)}</td></tr>`)
    .join('');
  const availability = m.availability.length
    ? `<section><h2>${t.availability}</h2><table><thead><tr><th>${t.system}</th><th>${t.uptime}</th><th>${t.outages}</th></tr></thead><tbody>${m.availability
        .map((r) => `<tr><th>${escape(r.system)}</th><td>${escape(r.uptime)}</td><td>${r.outages}</td></tr>`)
        .join('')}</tbody></table></section>`
    : '';
  const incidents = m.incidents.length
    ? `<ol>${m.incidents
        .map(
          (i) => `<li><strong>${escape(i.heading)}</strong>${i.resolution ? `<br>${escape(i.resolution)}` : ''}</li>`,
        )
        .join('')}</ol>`
    : `<p>${t.noIncidents}</p>`;
  const problems = m.problems.length
    ? `<ul>${m.problems
        .map(
          (p) =>
            `<li><strong>${escape(p.title)}</strong> (${p.incidents})${
              p.actions.length ? `<ul>${p.actions.map((a) => `<li>${escape(a)}</li>`).join('')}</ul>` : ''
            }</li>`,
        )
        .join('')}</ul>`
    : `<p>${t.noProblems}</p>`;
  const remarks = m.remarks.length
    ? `<section><h2>${t.remarks}</h2>${m.remarks.map((para) => `<p>${escape(para).replace(/\n/g, '<br>')}</p>`).join('')}</section>`
    : '';
  return `<!doctype html>
<html lang="${m.language}"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<title>${escape(m.title)}</title>
<style>
@page { size: A4; margin: 14mm; }
body { font: 10pt/1.35 system-ui, sans-serif; color: #111; max-width: 182mm; margin: 0 auto; }
h1 { font-size: 16pt; margin: 0; } .subtitle { color: #444; margin: 0 0 4mm; }
h2 { font-size: 11pt; margin: 4mm 0 1.5mm; border-bottom: 1px solid #888; }
.kpis { display: grid; grid-template-columns: repeat(4, 1fr); gap: 3mm; }
.kpi { border: 1px solid #999; padding: 2mm; display: flex; flex-direction: column; }
.kpi .label { font-size: 8.5pt; color: #444; } .kpi .value { font-size: 16pt; font-weight: 600; } .kpi .trend { font-size: 8.5pt; }
table { border-collapse: collapse; } th, td { border-bottom: 1px solid #bbb; padding: 1mm 4mm 1mm 0; text-align: left; }
ol, ul { margin: 0; padding-left: 5mm; } li { margin-bottom: 1mm; } footer { margin-top: 6mm; font-size: 8pt; color: #555; }
</style></head><body>
<h1>${escape(m.title)}</h1>
<p class="subtitle">${t.subtitle}</p>
<section><h2>${t.headline}</h2><div class="kpis">
${kpis}
</div></section>
<section><h2>${t.sla}</h2><table><thead><tr><th>${t.priority}</th><th>${t.first}</th><th>${t.resolution}</th></tr></thead><tbody>${slaRows}</tbody></table></section>
${availability}
<section><h2>${t.incidents}</h2>${incidents}</section>
<section><h2>${t.problems}</h2>${problems}</section>
<section><h2>${t.risks}</h2>${m.risks.length ? `<ul>${m.risks.map((r) => `<li>${escape(r)}</li>`).join('')}</ul>` : `<p>${t.noRisks}</p>`}</section>
${remarks}
<footer>${escape(m.generated)}</footer>
</body></html>
`;
}
