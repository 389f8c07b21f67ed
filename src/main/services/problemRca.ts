import type { Language } from '../../shared/domain/enums';
import type { Problem, Rca, TimelineEntry, TimelineKind } from '../../shared/domain/problem';
import { problemReportTexts } from '../../shared/i18n/problemReport';
import { eventsForTicket } from '../queries/audit';
import type { Db } from '../store/database';

type Change = { before?: unknown; after?: unknown };

/** Which events of a ticket are steps of the story, and what each says (priorities, providers; never names). */
function stepOf(kind: string, data: Record<string, unknown>): { kind: TimelineKind; detail: string } | null {
  const changes = (data.changes ?? {}) as Record<string, Change>;
  if (kind === 'ticket.created') {
    const after = (data.after ?? {}) as { triage?: { priority?: string }; title?: string };
    return { kind: 'reported', detail: after.triage?.priority ?? '' };
  }
  if (kind === 'ticket.updated' && changes.triage) {
    const before = changes.triage.before as { priority?: string } | undefined;
    const after = changes.triage.after as { priority?: string } | undefined;
    if (before?.priority === after?.priority) return null;
    return { kind: 'triaged', detail: `${before?.priority ?? ''} → ${after?.priority ?? ''}` };
  }
  if (kind === 'escalation.sent') return { kind: 'escalated', detail: '' };
  if (kind === 'escalation.reply')
    return { kind: 'mspReply', detail: typeof data.reference === 'string' ? data.reference : '' };
  if (kind === 'ticket.reopened') return { kind: 'reopened', detail: '' };
  if (kind === 'ticket.transitioned' && (changes.status?.after === 'resolved' || changes.status?.after === 'closed')) {
    return changes.status.after === 'resolved' ? { kind: 'resolved', detail: '' } : null;
  }
  return null;
}

/** The timeline of a problem: its incidents' first reports, triage, escalations, provider replies and resolutions. */
export function assembleTimeline(
  db: Db,
  incidents: readonly { id: number; number: string }[],
  rca: Rca,
): TimelineEntry[] {
  const notes = new Map(rca.annotations.map((a) => [a.eventId, a.text]));
  const entries: TimelineEntry[] = [];
  for (const incident of incidents) {
    for (const event of eventsForTicket(db, incident.id)) {
      const step = stepOf(event.kind, event.data);
      if (!step) continue;
      entries.push({
        eventId: event.id,
        at: event.at,
        ...step,
        ticketId: incident.id,
        ticketNumber: incident.number,
        annotation: notes.get(event.id) ?? '',
      });
    }
  }
  return entries.sort((a, b) => a.at.localeCompare(b.at) || a.eventId - b.eventId);
}

/** Text that came from a person, made safe for markdown and HTML alike: no tags, no links that run anything. */
const escapeHtml = (value: string) =>
  value
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
const mdSafe = (value: string) => escapeHtml(value).replace(/\]\(\s*(javascript|data|vbscript):/gi, '](#');

const dateOf = (iso: string, language: Language) =>
  new Intl.DateTimeFormat(language === 'de' ? 'de-DE' : 'en-GB', {
    dateStyle: 'medium',
    timeStyle: 'short',
    timeZone: 'Europe/Berlin',
  }).format(new Date(iso));
const dayOf = (day: string, language: Language) =>
  new Intl.DateTimeFormat(language === 'de' ? 'de-DE' : 'en-GB', { dateStyle: 'medium', timeZone: 'UTC' }).format(
    new Date(`${day}T00:00:00Z`),
  );
const number = (value: number, language: Language) =>
  new Intl.NumberFormat(language === 'de' ? 'de-DE' : 'en-GB', { maximumFractionDigits: 1 }).format(value);

type Section = { heading: string; lines: string[] };

function sections(problem: Problem, timeline: TimelineEntry[], language: Language, safe: (v: string) => string) {
  const t = problemReportTexts[language];
  const list: Section[] = [];
  const text = (heading: string, value: string) => {
    if (value.trim()) list.push({ heading, lines: value.split('\n').map(safe) });
  };
  text(t.statement, problem.content.statement);
  text(t.workaround, problem.content.workaround);
  text(t.rootCause, problem.content.rootCause);
  if (timeline.length)
    list.push({
      heading: t.timeline,
      lines: timeline.map(
        (e) =>
          `${dateOf(e.at, language)} · ${e.ticketNumber} · ${t.kinds[e.kind]}${e.detail ? ` (${safe(e.detail)})` : ''}${
            e.annotation ? ` — ${safe(e.annotation)}` : ''
          }`,
      ),
    });
  const whys = problem.rca.whys.filter((w) => w.trim());
  if (whys.length) list.push({ heading: t.whys, lines: whys.map((w, i) => `${t.why(i + 1)}: ${safe(w)}`) });
  if (problem.rca.factors.length)
    list.push({
      heading: t.factors,
      lines: problem.rca.factors.map((f) => `${t.factorKinds[f.kind]}: ${safe(f.text)}`),
    });
  text(t.wentWell, problem.rca.wentWell);
  if (problem.actions.length)
    list.push({
      heading: t.actions,
      lines: problem.actions.map(
        (a) =>
          `${safe(a.title)} — ${t.owner}: ${safe(a.owner) || t.none} · ${t.due}: ${dayOf(a.due, language)} · ${t.actionStates[a.state]}`,
      ),
    });
  const m = problem.measures;
  list.push({
    heading: t.measures,
    lines: [
      `${t.perWeekBefore}: ${number(m.perWeekBefore, language)}`,
      `${t.perWeekAfter}: ${m.perWeekAfter === null ? t.notFixed : number(m.perWeekAfter, language)}`,
      `${t.recurrence}: ${m.recurrenceAfterFix}`,
    ],
  });
  return list;
}

export function problemMarkdown(problem: Problem, timeline: TimelineEntry[], language: Language, now: Date): string {
  const t = problemReportTexts[language];
  const head = [
    `# ${t.title}: ${mdSafe(problem.title)}`,
    '',
    `_${t.blameless}_`,
    '',
    `- ${t.state}: ${t.states[problem.state]}`,
    `- ${t.priority}: ${problem.priority}`,
    `- ${t.incidents}: ${problem.incidents} (${t.openIncidents}: ${problem.openIncidents})`,
    `- ${t.generated(dateOf(now.toISOString(), language))}`,
  ];
  const body = sections(problem, timeline, language, mdSafe).flatMap((s) => [
    '',
    `## ${s.heading}`,
    '',
    ...s.lines.map((line) => (s.lines.length > 1 ? `- ${line}` : line)),
  ]);
  return `${[...head, ...body].join('\n')}\n`;
}

/** One printable page for the management: self-contained, no scripts, no outside resources. */
export function problemHtml(problem: Problem, timeline: TimelineEntry[], language: Language, now: Date): string {
  const t = problemReportTexts[language];
  const body = sections(problem, timeline, language, escapeHtml)
    .map(
      (s) =>
        `<section><h2>${escapeHtml(s.heading)}</h2>${
          s.lines.length > 1 ? `<ul>${s.lines.map((l) => `<li>${l}</li>`).join('')}</ul>` : `<p>${s.lines[0] ?? ''}</p>`
        }</section>`,
    )
    .join('\n');
  return `<!doctype html>
<html lang="${language}"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<title>${escapeHtml(`${t.title}: ${problem.title}`)}</title>
<style>
@page { size: A4; margin: 14mm; }
body { font: 10pt/1.35 system-ui, sans-serif; color: #111; max-width: 180mm; margin: 0 auto; }
h1 { font-size: 15pt; margin: 0 0 2mm; } h2 { font-size: 11pt; margin: 4mm 0 1mm; border-bottom: 1px solid #999; }
p, ul { margin: 0 0 2mm; } ul { padding-left: 5mm; } .facts { display: flex; gap: 6mm; flex-wrap: wrap; color: #333; }
.note { font-style: italic; color: #444; }
</style></head><body>
<h1>${escapeHtml(`${t.title}: ${problem.title}`)}</h1>
<p class="note">${escapeHtml(t.blameless)}</p>
<div class="facts"><span>${t.state}: ${t.states[problem.state]}</span><span>${t.priority}: ${problem.priority}</span><span>${
    t.incidents
  }: ${problem.incidents} (${t.openIncidents}: ${problem.openIncidents})</span><span>${escapeHtml(
    t.generated(dateOf(now.toISOString(), language)),
  )}</span></div>
${body}
</body></html>
`;
}
