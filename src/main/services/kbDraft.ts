import type { ChecklistTemplate } from '../../shared/domain/checklist';
import type { Category, Language } from '../../shared/domain/enums';
import { MAX_BODY_CHARS, slugify, type ArticleContent } from '../../shared/domain/kb';
import type { FirstContact } from '../../shared/domain/ticket';
import { runRowsForTickets, stepRecords } from '../queries/checklists';
import { linksOfTicket } from '../queries/directory';
import { findTicketRow } from '../queries/tickets';
import type { Db } from '../store/database';
import { sql } from '../store/statements';

const HEADINGS = {
  de: {
    symptom: 'Symptom',
    context: 'Umstände',
    systems: 'Systeme',
    process: 'Geschäftsprozess',
    changes: 'Zuletzt geändert',
    tried: 'Was versucht wurde',
    resolution: 'Lösung',
    open: '_Noch nicht gelöst: die Lösung hier eintragen._',
    from: 'Aus Ticket',
  },
  en: {
    symptom: 'Symptom',
    context: 'Circumstances',
    systems: 'Systems',
    process: 'Business process',
    changes: 'Recently changed',
    tried: 'What was tried',
    resolution: 'Resolution',
    open: '_Not resolved yet: write the resolution here._',
    from: 'From ticket',
  },
} as const;
const STEP_MARK = { done: 'x', failed: '✗', skipped: '–', blocked: '!', pending: ' ' } as const;

/**
 * An article drafted from a ticket, for the coordinator to edit and publish: the symptom from the title, the
 * description and the first-contact answers; what was tried from the internal notes and the checklist runs (each
 * step with its state and note); the resolution text; the ticket's systems and category. Never saved by itself.
 */
export function draftFromTicket(db: Db, ticketId: number, language: Language, owner: string): ArticleContent {
  const ticket = findTicketRow(db, ticketId);
  if (!ticket) throw new Error(`ticket ${ticketId} missing`);
  const h = HEADINGS[language];
  const first = JSON.parse(ticket.first_contact) as FirstContact;
  const notes = sql(db, "SELECT body FROM notes WHERE ticket_id = ? AND kind = 'note' ORDER BY id").all(ticketId) as {
    body: string;
  }[];
  const runs = runRowsForTickets(db, [ticketId]);
  const records = stepRecords(
    db,
    runs.map((run) => run.id),
  );
  const tried: string[] = notes.map((note) => `- ${note.body.trim().replace(/\n+/g, ' ')}`);
  for (const run of runs) {
    const template = JSON.parse(run.template) as ChecklistTemplate;
    const steps = records.get(run.id);
    tried.push('', `**${template.title}**`, '');
    for (const step of template.sections.flatMap((section) => section.steps)) {
      const record = steps?.get(step.id);
      const state = record?.state ?? 'pending';
      if (state === 'pending') continue;
      const answer = record?.answer ? ` (${record.answer})` : '';
      const note = record?.note ? ` – ${record.note.replace(/\n+/g, ' ')}` : '';
      tried.push(`- [${STEP_MARK[state]}] ${step.title}${answer}${note}`);
    }
  }
  const context = [
    first.affectedSystems ? `- ${h.systems}: ${first.affectedSystems}` : '',
    first.businessProcess ? `- ${h.process}: ${first.businessProcess}` : '',
    first.recentChanges ? `- ${h.changes}: ${first.recentChanges.replace(/\n+/g, ' ')}` : '',
  ].filter(Boolean);
  const body = [
    `## ${h.symptom}`,
    '',
    ticket.description.trim() || ticket.title,
    ...(context.length ? ['', `### ${h.context}`, '', ...context] : []),
    ...(tried.length ? ['', `## ${h.tried}`, '', ...tried] : []),
    '',
    `## ${h.resolution}`,
    '',
    ticket.resolution?.trim() || h.open,
    '',
    `_${h.from} ${ticket.number}_`,
  ]
    .join('\n')
    .slice(0, MAX_BODY_CHARS);
  // The systems named at first contact are the words the next such ticket will use too.
  const tags = first.affectedSystems
    .split(/[,;/]/)
    .map((part) => part.trim().toLowerCase())
    .filter((part) => part.length >= 2 && part.length <= 40)
    .slice(0, 5);
  return {
    slug: slugify(ticket.title),
    kind: 'solution',
    audience: 'internal',
    state: 'draft',
    owner,
    reviewAt: null,
    categories: ticket.category ? [ticket.category as Category] : [],
    systemIds: linksOfTicket(db, ticketId).systemIds,
    tags: [...new Set(tags)],
    texts: { [language]: { title: ticket.title, body, requesterText: '' } },
  };
}
