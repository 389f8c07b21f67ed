import { DateTime } from 'luxon';
import type { Language } from '../../shared/domain/enums';
import { priorityFromRank } from '../../shared/domain/enums';
import type { ActionItem } from '../../shared/domain/problem';
import type { Figures } from '../../shared/domain/report';
import { monthlyTexts } from '../../shared/i18n/monthlyReport';
import type { topIncidents } from '../queries/reports';

export type MonthlyInput = {
  month: string;
  language: Language;
  remarks: string;
  current: Figures;
  before: Figures;
  incidents: ReturnType<typeof topIncidents>;
  actions: (ActionItem & { problemTitle: string })[];
  statusLabel: (status: string) => string;
  now: Date;
};

const escape = (value: string) =>
  value
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');

/**
 * One printable A4 page for the managing director: the month's headline figures with trend arrows, SLA compliance,
 * the three most important incidents and what was done, recurring problems and their action items, risks, and the
 * coordinator's remarks. Self-contained: no scripts, no outside resources, every text escaped.
 */
export function monthlyHtml(input: MonthlyInput): string {
  const t = monthlyTexts[input.language];
  const locale = input.language === 'de' ? 'de-DE' : 'en-GB';
  const n = new Intl.NumberFormat(locale, { maximumFractionDigits: 1 });
  const monthName = DateTime.fromISO(`${input.month}-01`).setLocale(locale).toFormat('LLLL yyyy');
  const rate = (f: Figures) => (f.reopen.resolved ? (100 * f.reopen.reopened) / f.reopen.resolved : 0);
  const arrow = (now: number, before: number) => (now > before ? '↑' : now < before ? '↓' : '→');
  const kpi = (label: string, now: number, before: number, suffix = '') =>
    `<div class="kpi"><span class="label">${escape(label)}</span><span class="value">${n.format(now)}${suffix}</span><span class="trend">${arrow(now, before)} ${escape(t.previous(`${n.format(before)}${suffix}`))}</span></div>`;
  const pct = (met: number, breached: number) =>
    met + breached ? `${n.format((100 * met) / (met + breached))} %` : '–';
  const slaRows = input.current.sla
    .map(
      (r) =>
        `<tr><th>${r.priority}</th><td>${pct(r.first.met, r.first.breached)}</td><td>${pct(r.resolution.met, r.resolution.breached)}</td></tr>`,
    )
    .join('');
  const incidents = input.incidents.length
    ? `<ol>${input.incidents
        .map(
          (i) =>
            `<li><strong>${escape(i.number)} · ${priorityFromRank(i.priority)} · ${escape(i.title)}</strong> (${escape(input.statusLabel(i.status))})${
              i.resolution ? `<br>${escape(i.resolution.slice(0, 300))}` : ''
            }</li>`,
        )
        .join('')}</ol>`
    : `<p>${t.noIncidents}</p>`;
  const day = (d: string) => DateTime.fromISO(d).setLocale(locale).toLocaleString(DateTime.DATE_MED);
  const problems = input.current.problems.length
    ? `<ul>${input.current.problems
        .map((p) => {
          const items = input.actions.filter((a) => a.problemId === p.id);
          return `<li><strong>${escape(p.title)}</strong> (${p.incidents})${
            items.length
              ? `<ul>${items.map((a) => `<li>${escape(a.title)}${a.owner ? ` – ${escape(a.owner)}` : ''}, ${escape(t.due(day(a.due)))}</li>`).join('')}</ul>`
              : ''
          }</li>`;
        })
        .join('')}</ul>`
    : `<p>${t.noProblems}</p>`;
  const overdue = input.actions.filter((a) => a.overdue).length;
  const old = input.current.backlog.find((b) => b.bucket === 'over4w')?.count ?? 0;
  const risks = [overdue ? t.overdue(overdue) : '', old ? t.oldBacklog(old) : ''].filter(Boolean);
  const remarks = input.remarks.trim()
    ? `<section><h2>${t.remarks}</h2>${input.remarks
        .trim()
        .split(/\n{2,}/)
        .map((para) => `<p>${escape(para).replace(/\n/g, '<br>')}</p>`)
        .join('')}</section>`
    : '';
  const generated = DateTime.fromJSDate(input.now, { zone: 'Europe/Berlin' })
    .setLocale(locale)
    .toLocaleString(DateTime.DATETIME_MED);
  return `<!doctype html>
<html lang="${input.language}"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<title>${escape(t.title(monthName))}</title>
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
<h1>${escape(t.title(monthName))}</h1>
<p class="subtitle">${t.subtitle}</p>
<section><h2>${t.headline}</h2><div class="kpis">
${kpi(t.opened, input.current.opened, input.before.opened)}
${kpi(t.resolved, input.current.resolved, input.before.resolved)}
${kpi(t.openAtEnd, input.current.openAtEnd, input.before.openAtEnd)}
${kpi(t.reopenRate, rate(input.current), rate(input.before), ' %')}
</div></section>
<section><h2>${t.sla}</h2><table><thead><tr><th>${t.priority}</th><th>${t.first}</th><th>${t.resolution}</th></tr></thead><tbody>${slaRows}</tbody></table></section>
<section><h2>${t.incidents}</h2>${incidents}</section>
<section><h2>${t.problems}</h2>${problems}</section>
<section><h2>${t.risks}</h2>${risks.length ? `<ul>${risks.map((r) => `<li>${escape(r)}</li>`).join('')}</ul>` : `<p>${t.noRisks}</p>`}</section>
${remarks}
<footer>${escape(t.generated(generated))}</footer>
</body></html>
`;
}
