import { ticketCreateInput } from '../../shared/contract/tickets';
import type { MonitoringAlert } from '../../shared/contract';
import type { DirectorySystem } from '../../shared/domain/directory';
import type { Language } from '../../shared/domain/enums';
import type { Check, Sample } from '../../shared/domain/monitoring';
import type { Transition } from '../../shared/domain/monitoringRules';
import type { Ticket } from '../../shared/domain/ticket';
import { isOpen } from '../../shared/domain/status';
import { monitoringTicketTexts } from '../../shared/i18n/monitoringTexts';
import { lastEventOf, type StoredState } from '../queries/monitoring';
import type { ServiceContext } from './context';

const DAY = 86_400_000;

/** The ticket handlers the incidents go through (so tickets' own rules, events and clocks apply). */
export type IncidentTickets = {
  create: (input: ReturnType<typeof ticketCreateInput.parse>) => Ticket;
  get: (id: number) => Ticket | undefined;
  note: (id: number, body: string) => void;
  transition: (id: number, to: Ticket['status'], resolution?: string) => void;
};

export const describeTarget = (check: Check): string => {
  const t = check.target;
  switch (t.kind) {
    case 'http':
      return t.url;
    case 'tcp':
      return `${t.host}:${t.port}`;
    case 'tls':
      return `TLS ${t.host}:${t.port}`;
    case 'dns':
      return `DNS ${t.name}`;
    case 'ping':
      return `ping ${t.host}`;
    case 'heartbeat':
      return 'Heartbeat';
    case 'file':
      return t.folder;
  }
};

/**
 * Opens, updates and closes the incident of a check. Going down opens one ticket (or notes on the open one; a
 * ticket the monitoring resolved within the hour is reopened: one incident per outage, also while flapping).
 * Recovery notes and, if nobody touched the ticket since, resolves it. A certificate due soon opens a planned P3.
 */
export function monitoringIncidents(ctx: ServiceContext, tickets: IncidentTickets, timeZone: () => string) {
  const language = (): Language => (ctx.settings().language === 'en' ? 'en' : 'de');
  const texts = () => monitoringTicketTexts[language()];
  /** A time on the desk's wall clock (the SLA policy's zone): the hour (with the date when asked), or the date alone. */
  const berlin = (at: string, parts: 'time' | 'dateTime' | 'date') =>
    new Intl.DateTimeFormat(language() === 'de' ? 'de-DE' : 'en-GB', {
      timeZone: timeZone(),
      ...(parts === 'time' ? {} : { dateStyle: 'medium' as const }),
      ...(parts === 'date' ? {} : { timeStyle: 'short' as const }),
    }).format(new Date(at));
  const wallClock = (at: string, withDate = false) => berlin(at, withDate ? 'dateTime' : 'time');
  const date = (at: string) => berlin(at, 'date');

  const firstContact = (system: DirectorySystem, impairment: 'stopped' | 'severe' | 'none') => ({
    affectedScope:
      system.departments.length > 1 || system.criticality === 'critical'
        ? ('company' as const)
        : system.departments.length === 1 || system.criticality === 'important'
          ? ('department' as const)
          : ('team' as const),
    affectedSystems: system.name,
    systemIds: [system.id],
    businessProcess: system.processes.join(', ') || texts().businessProcess,
    businessCritical: system.criticality === 'critical',
    since: null,
    recentChanges: '',
    impairment,
  });

  const open = (check: Check, system: DirectorySystem, sample: Sample, failures: number): Ticket =>
    tickets.create(
      ticketCreateInput.parse({
        title: texts().downTitle(system.name, check.name).slice(0, 200),
        description: texts().downBody(check.name, describeTarget(check), sample.message, failures),
        channel: 'monitoring',
        requester: { name: texts().requester },
        firstContact: {
          ...firstContact(system, system.criticality === 'normal' ? 'severe' : 'stopped'),
          since: sample.at,
        },
        category: system.kind === 'network' ? 'network' : system.kind === 'printer' ? 'printing' : 'server',
      }),
    );

  /** Whether anybody wrote to the ticket after the monitoring did. */
  const untouched = (state: StoredState, ticketId: number) => lastEventOf(ctx.db, ticketId) === state.ticket_event_id;
  /**
   * Remembers the ticket's newest event after the monitoring wrote to it; a ticket someone touched stays touched
   * (its remembered event is not moved on).
   */
  const mark = (state: StoredState, ticketId: number, untouchedBefore: boolean) => {
    if (ticketId !== state.ticket_id || untouchedBefore) state.ticket_event_id = lastEventOf(ctx.db, ticketId);
    state.ticket_id = ticketId;
  };

  /** Follows one recorded run; changes `state` in place and answers the alert to announce, if any. */
  const follow = (
    check: Check,
    system: DirectorySystem,
    state: StoredState,
    sample: Sample,
    transition: Transition,
    maintenance: boolean,
  ): MonitoringAlert | null => {
    const current = state.ticket_id === null ? undefined : tickets.get(state.ticket_id);
    const wasUntouched = current !== undefined && untouched(state, current.id);
    const alert = (kind: MonitoringAlert['kind'], ticket: Ticket | undefined): MonitoringAlert => ({
      kind,
      checkId: check.id,
      checkName: check.name,
      systemName: system.name,
      message: sample.message,
      ticketId: ticket?.id ?? null,
      ticketNumber: ticket?.number ?? null,
    });
    if (state.tracked.state === 'down') {
      if (maintenance) return null;
      if (current && isOpen(current.status)) {
        if (transition === 'down') {
          tickets.note(current.id, texts().downAgain(sample.message));
          mark(state, current.id, wasUntouched);
          return alert('down', current);
        }
        return null;
      }
      // A ticket the monitoring resolved within the hour is the same outage coming back: reopened.
      const recentlyResolved =
        current?.status === 'resolved' &&
        current.resolvedAt !== null &&
        Date.parse(sample.at) - Date.parse(current.resolvedAt) < 3_600_000;
      if (current && recentlyResolved) {
        tickets.transition(current.id, 'inProgress');
        tickets.note(current.id, texts().downAgain(sample.message));
        mark(state, current.id, wasUntouched);
        return alert('down', tickets.get(current.id));
      }
      const created = open(check, system, sample, state.tracked.failures);
      mark(state, created.id, true);
      return alert('down', created);
    }
    if (!current || !isOpen(current.status)) return null;
    if (transition === 'recovered') {
      tickets.note(current.id, texts().recovered(wallClock(sample.at), sample.message));
      if (state.tracked.flapping) tickets.note(current.id, texts().flapping);
      else if (check.autoResolve && wasUntouched)
        tickets.transition(current.id, 'resolved', texts().recoveredResolution(wallClock(sample.at, true)));
      mark(state, current.id, wasUntouched);
      return alert('recovered', tickets.get(current.id));
    }
    // Flapping over (an hour without a flip) while up: the held incident is resolved now, if untouched.
    if (!state.tracked.flapping && check.autoResolve && wasUntouched) {
      tickets.transition(current.id, 'resolved', texts().recoveredResolution(wallClock(sample.at, true)));
      mark(state, current.id, wasUntouched);
    }
    return null;
  };

  /** A certificate ending within `warnDays` opens one planned P3 task per certificate (a renewed one: a new task). */
  const certificate = (check: Check, system: DirectorySystem, state: StoredState, sample: Sample) => {
    const expiresAt = sample.certExpiresAt;
    const warnDays = check.target.kind === 'tls' ? check.target.warnDays : 14;
    state.cert_expires_at = expiresAt;
    if (!expiresAt) return;
    const days = Math.floor((Date.parse(expiresAt) - Date.parse(sample.at)) / DAY);
    if (days > warnDays || days < 0) return;
    const existing = state.cert_ticket_id === null ? undefined : tickets.get(state.cert_ticket_id);
    if (existing && (isOpen(existing.status) || existing.description.includes(date(expiresAt)))) return;
    const host =
      check.target.kind === 'tls'
        ? check.target.host
        : check.target.kind === 'http'
          ? new URL(check.target.url).hostname
          : describeTarget(check);
    const task = tickets.create(
      ticketCreateInput.parse({
        title: texts().certTitle(system.name, host).slice(0, 200),
        description: texts().certBody(host, date(expiresAt), days),
        channel: 'monitoring',
        requester: { name: texts().requester },
        firstContact: firstContact(system, 'none'),
        category: 'security',
        triageOverride: { priority: 'P3', reason: texts().certBody(host, date(expiresAt), days).slice(0, 1000) },
      }),
    );
    state.cert_ticket_id = task.id;
  };

  return { follow, certificate };
}
