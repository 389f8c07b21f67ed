import type { ChangeEvent, MethodOutput, ParsedInput } from '../../shared/contract';
import type { StoreMethod } from './hostMethods';
import { canTransition } from '../../shared/domain/status';
import { auditService } from '../services/audit';
import { boardService } from '../services/board';
import { checklistsService } from '../services/checklists';
import type { ServiceContext } from '../services/context';
import { messagesService } from '../services/messages';
import { mspService } from '../services/msp';
import { settingsService, type SettingsCache } from '../services/settings';
import { slaService } from '../services/sla';
import { ticketsService } from '../services/tickets';
import { directoryService } from '../services/directory';
import { backupsService } from '../services/backups';
import { privacyService } from '../services/privacy';
import { kbService } from '../services/kb';
import { problemsService } from '../services/problems';
import { reportsService } from '../services/reports';
import { monitoringService } from '../services/monitoring';
import { monitoringFigures } from '../services/monitoringFigures';
import { mailService } from '../services/mail';
import { AppError } from '../../shared/errors';
import { syncOpenSearch } from '../queries/ticketSearch';

/** A handler answers at once; one that writes files first (escalation packets) answers a promise. */
export type Handlers = {
  [M in StoreMethod]: (input: ParsedInput<M>) => MethodOutput<M> | Promise<MethodOutput<M>>;
};

/** What the composed domains give the engine: every handler but the engine's own, and the commit hooks. */
export type ComposedDomains = {
  handlers: Omit<Handlers, 'system.health'>;
  /** Runs inside the transaction of every change to tickets: derived data follows the change (SLA clocks). */
  onTicketsWritten: (ids: readonly number[]) => void;
};

/**
 * The one list of domains, and how they depend on each other. A new domain adds its service here (and its
 * contract in src/shared/contract, its migration in store/migrations); nothing in the store changes.
 */
export function composeDomains(ctx: ServiceContext, settingsCache: SettingsCache): ComposedDomains {
  const sla = slaService(ctx);
  const directory = directoryService(ctx);
  const tickets = ticketsService(ctx, { openRequired: (id) => checklists.openRequired(id) }, directory, (period, d) =>
    reports.ticketsOf(period, d),
  );
  const checklists = checklistsService(ctx, {
    clocks: sla.clocks,
    timeZone: sla.timeZone,
    createTicket: (input) => tickets['tickets.create'](input),
  });
  const msp = mspService(ctx, {
    policy: sla.policy,
    runsFor: (ticketId) => checklists.handlers['checklists.runs.forTicket']({ ticketId }).runs,
    transition: (ticket, to, tier) => {
      if (ticket.tier !== tier) tickets['tickets.update']({ id: ticket.id, patch: { tier } });
      if (ticket.status !== to && canTransition(ticket.status, to))
        tickets['tickets.transition']({ id: ticket.id, to });
    },
    mail: { check: () => mail.check(), queuePacket: (m) => mail.queuePacket(m) },
  });
  const { clocksFor: mspClocksFor, remindLate, performanceIn: mspOutcomes, providerMail, ...mspHandlers } = msp;
  const kb = kbService(ctx);
  const reports = reportsService(ctx, {
    plannedActions: () => problems.handlers['problems.actions.list']().actions,
    mspOutcomes,
    calendar: () => sla.clocks.calendarFor(),
    availability: (range) => monitoringReport.availability(range),
    monitoringRisks: (range) => monitoringReport.risks(range),
  });
  const monitoringReport = monitoringFigures(ctx);
  const problems = problemsService(ctx, {
    kb: { save: (input) => kb['kb.articles.save'](input), get: (input) => kb['kb.articles.get'](input) },
  });
  const monitoring = monitoringService(ctx, {
    create: (input) => tickets['tickets.create'](input),
    get: (id) => {
      try {
        return tickets['tickets.get']({ id }).ticket;
      } catch (error) {
        if (error instanceof AppError && error.code === 'not_found') return undefined;
        throw error;
      }
    },
    note: (id, body) => void tickets['tickets.addNote']({ id, kind: 'note', body }),
    transition: (id, to, resolution) =>
      void tickets['tickets.transition']({ id, to, ...(resolution ? { resolution } : {}) }),
    timeZone: sla.timeZone,
  });
  const messages = messagesService(ctx, { status: (id) => sla.handlers['sla.status']({ id }), timeZone: sla.timeZone });
  const deskLanguage = () => (ctx.settings().language === 'en' ? 'en' : 'de');
  const mail = mailService(ctx, {
    create: (input, taken) => tickets['tickets.create'](input, taken),
    get: (id) => tickets['tickets.get']({ id }).ticket,
    note: (id, body) => void tickets['tickets.addNote']({ id, kind: 'note', body }),
    mailIn: (id, body) => void tickets['tickets.addNote']({ id, kind: 'note', body }, true),
    reply: (id, body) => void tickets['tickets.addNote']({ id, kind: 'reply', body }),
    attach: (id, file) => void tickets['tickets.attach']({ id, ...file }),
    reopen: (id) => void tickets['tickets.transition']({ id, to: 'inProgress' }),
    answered: (id) => {
      const { status } = tickets['tickets.get']({ id }).ticket;
      if (status === 'waitingRequester') tickets['tickets.transition']({ id, to: 'inProgress' });
    },
    providerMail: (id, from, subject) => providerMail(id, from, subject),
    acknowledgement: (id) =>
      messages['messages.render']({ id, kind: 'received', language: deskLanguage(), needed: '' }),
  });
  /** One look for every clock: ours, then the providers' (follow-up reminders). */
  const slaCheck = () => {
    const ours = sla.handlers['sla.check']();
    const late = ctx.write(remindLate, (raised): ChangeEvent[] => {
      const ids = [...new Set(raised.map((w) => w.ticketId))];
      return raised.length
        ? [
            { entity: 'ticket', ids },
            { entity: 'slaWarning', ids, warnings: raised },
          ]
        : [];
    });
    return { ...ours, warnings: [...ours.warnings, ...late] };
  };
  return {
    handlers: {
      ...tickets,
      ...checklists.handlers,
      ...mspHandlers,
      ...auditService(ctx),
      ...settingsService(ctx, settingsCache),
      ...sla.handlers,
      'sla.check': slaCheck,
      ...boardService(ctx, { ...sla, progressFor: checklists.progressFor, mspClocksFor }),
      ...messages,
      ...directory.handlers,
      ...backupsService(ctx),
      ...privacyService(ctx),
      ...kb,
      ...problems.handlers,
      ...reports.handlers,
      ...monitoring.handlers,
      ...mail.handlers,
    },
    onTicketsWritten: (ids) => {
      sla.clocks.refresh(ids);
      directory.syncLinks(ids);
      // The open tickets' search index follows status moves (resolve, close, reopen).
      syncOpenSearch(ctx.db, ids);
      // Pattern detection compares the written tickets with the window once the transaction is done.
      problems.ticketsWritten(ids);
    },
  };
}
