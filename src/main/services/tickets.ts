import type { Drilldown, Period } from '../../shared/domain/report';
import type { MethodOutput, ParsedInput } from '../../shared/contract';
import { AppError } from '../../shared/errors';
import { canTransition, isOpen } from '../../shared/domain/status';
import { effectiveTriage, type TriageOverride } from '../../shared/domain/triage';
import type { FirstContact, Requester, Ticket } from '../../shared/domain/ticket';
import type { DirectoryRaise } from '../../shared/domain/directory';
import { appendEvent, lastTicketEvent, eventsForTicket } from '../queries/audit';
import { indexTicketText, listTickets, searchTickets } from '../queries/ticketSearch';
import {
  attachmentsForTicket,
  findTicketRow,
  insertNote,
  insertTicket,
  nextTicketNumber,
  notesForTicket,
  rowToTicket,
  searchedColumns,
  ticketToColumns,
  updateTicketRow,
} from '../queries/tickets';
import type { ServiceContext } from './context';
import { attachmentService } from './ticketAttachments';

type TicketFields = Omit<Ticket, 'id' | 'number' | 'version'>;

const berlinYearFormat = new Intl.DateTimeFormat('en', { timeZone: 'Europe/Berlin', year: 'numeric' });
const berlinYear = (at: Date): number => Number(berlinYearFormat.format(at));

function triageFor(
  ctx: ServiceContext,
  firstContact: FirstContact,
  override: TriageOverride | null,
  raises: readonly DirectoryRaise[],
): Ticket['triage'] {
  const result = effectiveTriage({ ...firstContact, raises }, ctx.settings().triage, override);
  const { impact, urgency, priority, impactFrom, raisedBy } = result.suggested;
  return {
    impact: result.impact,
    urgency: result.urgency,
    priority: result.priority,
    suggested: { impact, urgency, priority, impactFrom, raisedBy },
    override: result.override
      ? {
          reason: result.override.reason,
          ...(result.override.impact ? { impact: result.override.impact } : {}),
          ...(result.override.urgency ? { urgency: result.override.urgency } : {}),
          ...(result.override.priority ? { priority: result.override.priority } : {}),
        }
      : null,
  };
}

/** Field-by-field before/after of what changed, for the event log. */
function diff(before: TicketFields, after: TicketFields): Record<string, { before: unknown; after: unknown }> {
  const changes: Record<string, { before: unknown; after: unknown }> = {};
  for (const key of Object.keys(after) as (keyof TicketFields)[]) {
    if (key === 'updatedAt') continue;
    if (JSON.stringify(before[key]) !== JSON.stringify(after[key])) {
      changes[key] = { before: before[key], after: after[key] };
    }
  }
  return changes;
}

/** How long a status move, resolve or triage change can be taken back from its toast. */
export const UNDO_WINDOW_MS = 60_000;
const undoable = new Set(['ticket.transitioned', 'ticket.reopened', 'ticket.updated']);

/** Required checklist steps still open on a ticket (the resolution gate). */
type ChecklistGate = { openRequired: (ticketId: number) => { count: number; first: string | null } };
/** What the directory says about a requester and systems: raises of the impact; refuses unknown ids. */
type DirectoryLookup = { raisesFor: (requester: Requester, firstContact: FirstContact) => DirectoryRaise[] };

/** The tickets a report figure counts (the reports domain answers it). */
export type ReportTickets = (period: Period, drilldown: Drilldown) => number[];

export function ticketsService(
  ctx: ServiceContext,
  gate: ChecklistGate,
  directory: DirectoryLookup,
  reportTickets: ReportTickets = () => [],
) {
  const actor = () => ctx.settings().coordinatorName;

  function load(id: number): Ticket {
    const row = findTicketRow(ctx.db, id);
    if (!row) throw new AppError('not_found', 'not_found_ticket', { id });
    return rowToTicket(row);
  }

  function checkVersion(ticket: Ticket, expected: number | undefined): void {
    if (expected !== undefined && expected !== ticket.version) {
      throw new AppError('conflict', 'conflict_version', { expected, actual: ticket.version });
    }
  }

  /** Writes the new state of a ticket and its event in one transaction; no event when nothing changed. */
  function save(current: Ticket, next: TicketFields, kind: string, extra: Record<string, unknown> = {}): Ticket {
    const changes = diff(current, next);
    if (Object.keys(changes).length === 0) return current;
    return ctx.write(
      () => {
        const before = ticketToColumns(current);
        const after = ticketToColumns(next);
        updateTicketRow(ctx.db, current.id, before, after);
        if (searchedColumns.some((name) => before[name] !== after[name])) indexTicketText(ctx.db, current.id);
        appendEvent(ctx.db, {
          ticketId: current.id,
          at: next.updatedAt,
          actor: actor(),
          kind,
          data: { changes, ...extra },
        });
        return load(current.id);
      },
      (ticket) => [{ entity: 'ticket', ids: [ticket.id] }],
    );
  }

  return {
    /**
     * `taken` is for the mail domain only (not part of the API): a ticket taken in from a mail waits for its
     * first-contact answers, and counts from the mail's Date when that lies in the last 30 days.
     */
    'tickets.create': (
      input: ParsedInput<'tickets.create'>,
      taken?: { needsTriage: boolean; reportedAt: Date | null },
    ): MethodOutput<'tickets.create'> => {
      const current = ctx.now();
      const reported = taken?.reportedAt;
      const at =
        reported && reported <= current && current.getTime() - reported.getTime() <= 30 * 86_400_000
          ? reported
          : current;
      const now = at.toISOString();
      const fields: TicketFields = {
        title: input.title,
        description: input.description,
        channel: input.channel,
        requester: input.requester,
        firstContact: input.firstContact,
        triage: triageFor(
          ctx,
          input.firstContact,
          input.triageOverride,
          directory.raisesFor(input.requester, input.firstContact),
        ),
        status: 'new',
        tier: input.tier,
        category: input.category,
        assignee: input.assignee || null,
        resolution: null,
        createdAt: now,
        updatedAt: current.toISOString(),
        resolvedAt: null,
        needsTriage: taken?.needsTriage ?? false,
      };
      return ctx.write(
        () => {
          const year = berlinYear(at);
          const { number, seq } = nextTicketNumber(ctx.db, year);
          const id = insertTicket(ctx.db, ticketToColumns(fields), number, year, seq);
          indexTicketText(ctx.db, id);
          appendEvent(ctx.db, {
            ticketId: id,
            at: current.toISOString(),
            actor: actor(),
            kind: 'ticket.created',
            data: { after: { number, ...fields } },
          });
          return load(id);
        },
        (ticket) => [{ entity: 'ticket', ids: [ticket.id] }],
      );
    },

    'tickets.get': ({ id }: ParsedInput<'tickets.get'>): MethodOutput<'tickets.get'> => ({
      ticket: load(id),
      notes: notesForTicket(ctx.db, id),
      attachments: attachmentsForTicket(ctx.db, id),
    }),

    'tickets.list': (input: ParsedInput<'tickets.list'>): MethodOutput<'tickets.list'> => {
      const { report, ...filter } = input.filter;
      if (!report) return listTickets(ctx.db, input);
      return listTickets(ctx.db, {
        ...input,
        filter: { ...filter, ids: reportTickets(report.period, report.drilldown) },
      });
    },

    'tickets.search': ({ q, limit }: ParsedInput<'tickets.search'>): MethodOutput<'tickets.search'> => ({
      items: searchTickets(ctx.db, q, limit),
    }),

    'tickets.timeline': ({ id }: ParsedInput<'tickets.timeline'>): MethodOutput<'tickets.timeline'> => {
      load(id);
      return { events: eventsForTicket(ctx.db, id) };
    },

    'tickets.update': (input: ParsedInput<'tickets.update'>): MethodOutput<'tickets.update'> => {
      const current = load(input.id);
      checkVersion(current, input.expectedVersion);
      const patch = Object.fromEntries(Object.entries(input.patch).filter(([, value]) => value !== undefined));
      const firstContact = input.patch.firstContact ?? current.firstContact;
      const override = input.triageOverride === undefined ? current.triage.override : input.triageOverride;
      const requester = input.patch.requester ?? current.requester;
      const retriage =
        input.patch.firstContact !== undefined ||
        input.triageOverride !== undefined ||
        (input.patch.requester?.personId !== undefined &&
          input.patch.requester.personId !== current.requester.personId);
      const next: TicketFields = {
        ...current,
        ...patch,
        firstContact,
        triage: retriage
          ? triageFor(ctx, firstContact, override, directory.raisesFor(requester, firstContact))
          : current.triage,
        // Answering the first-contact questions completes the triage of a ticket that came in by mail.
        needsTriage: current.needsTriage && input.patch.firstContact === undefined,
        updatedAt: ctx.now().toISOString(),
      };
      const reason = input.triageOverride ? { overrideReason: input.triageOverride.reason } : {};
      return save(current, next, 'ticket.updated', reason);
    },

    'tickets.transition': (input: ParsedInput<'tickets.transition'>): MethodOutput<'tickets.transition'> => {
      const current = load(input.id);
      checkVersion(current, input.expectedVersion);
      if (!canTransition(current.status, input.to)) {
        throw new AppError('conflict', 'conflict_transition', { from: current.status, to: input.to });
      }
      const resolution = input.resolution?.trim() ?? '';
      if (input.to === 'resolved' && resolution.length === 0) {
        throw new AppError('invalid_input', 'resolution_required', {}, [{ path: ['resolution'] }]);
      }
      // Resolving with required checklist steps open needs a reason, which goes into the log.
      let checklistOverride: string | null = null;
      if (input.to === 'resolved') {
        const open = gate.openRequired(current.id);
        if (open.count > 0) {
          checklistOverride = input.checklistOverride?.trim() ?? '';
          if (!checklistOverride)
            throw new AppError('conflict', 'checklist_open', { count: open.count, step: open.first ?? '' }, [
              { path: ['checklistOverride'] },
            ]);
        }
      }
      const now = ctx.now().toISOString();
      const next: TicketFields = {
        ...current,
        status: input.to,
        updatedAt: now,
        resolution: input.to === 'resolved' ? resolution : current.resolution,
        resolvedAt: input.to === 'resolved' ? now : isOpen(input.to) ? null : current.resolvedAt,
      };
      const kind = isOpen(input.to) && !isOpen(current.status) ? 'ticket.reopened' : 'ticket.transitioned';
      return save(current, next, kind, checklistOverride ? { checklistOverride } : {});
    },

    'tickets.undo': ({ id, expectedVersion }: ParsedInput<'tickets.undo'>): MethodOutput<'tickets.undo'> => {
      const current = load(id);
      checkVersion(current, expectedVersion);
      const last = lastTicketEvent(ctx.db, id);
      const changes = last?.data.changes as Record<string, { before: unknown }> | undefined;
      const age = last ? ctx.now().getTime() - Date.parse(last.at) : Infinity;
      if (!last || !undoable.has(last.kind) || !changes || age > UNDO_WINDOW_MS)
        throw new AppError('conflict', 'undo_unavailable', { number: current.number });
      const restored = Object.fromEntries(Object.entries(changes).map(([field, change]) => [field, change.before]));
      const next = { ...current, ...restored, updatedAt: ctx.now().toISOString() } as TicketFields;
      // A status taken back is a status change like any other: the SLA clocks read it from the log.
      const kind = 'status' in restored ? 'ticket.transitioned' : 'ticket.updated';
      return save(current, next, kind, { undoOf: last.id });
    },

    /** `mailIn` is for the mail domain only (not part of the API): a requester's mail, logged as such. */
    'tickets.addNote': (
      { id, kind, body }: ParsedInput<'tickets.addNote'>,
      mailIn = false,
    ): MethodOutput<'tickets.addNote'> => {
      const current = load(id);
      const now = ctx.now().toISOString();
      return ctx.write(
        () => {
          const note = insertNote(ctx.db, { ticketId: id, kind, body, author: actor(), createdAt: now });
          updateTicketRow(ctx.db, id, ticketToColumns(current), ticketToColumns({ ...current, updatedAt: now }));
          indexTicketText(ctx.db, id);
          appendEvent(ctx.db, {
            ticketId: id,
            at: now,
            actor: actor(),
            kind: mailIn ? 'ticket.mailIn' : kind === 'reply' ? 'ticket.replied' : 'ticket.noted',
            data: { noteId: note.id, body },
          });
          return note;
        },
        () => [{ entity: 'ticket', ids: [id] }],
      );
    },

    ...attachmentService(ctx, load, actor),
  };
}
