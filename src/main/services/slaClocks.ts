import type { SlaWarning } from '../../shared/contract/sla';
import type { BusinessCalendar } from '../../shared/domain/businessTime';
import { computeSla, AT_RISK, type ClockState } from '../../shared/domain/slaClock';
import type { SlaPolicy } from '../../shared/domain/slaPolicy';
import type { Ticket } from '../../shared/domain/ticket';
import { appendEvent } from '../queries/audit';
import { firstReplyAt, statusChanges } from '../queries/sla';
import {
  openTicketIds,
  ticketsWithoutSnapshot,
  readSnapshot,
  ticketsToWarn,
  writeSnapshot,
  type SlaSnapshot,
  type Warned,
} from '../queries/slaSnapshots';
import { findTicketRow, rowToTicket } from '../queries/tickets';
import type { ServiceContext } from './context';
import { businessCalendar } from './slaCalendar';

/** 0 on track, 1 at risk (≥ 75 %), 2 breached: the steps a warning is raised for, once each. */
const stepOf = (clock: ClockState): number =>
  clock.state === 'breached' ? 2 : clock.fraction >= AT_RISK && clock.state !== 'met' ? 1 : 0;

function nextAlert(clock: ClockState, warned: number): number | null {
  if (clock.dueAt === null) return null;
  if (warned < 1) return clock.atRiskAt;
  return warned < 2 ? clock.dueAt : null;
}

const earliest = (...times: (number | null)[]): number | null =>
  times.reduce<number | null>((min, t) => (t !== null && (min === null || t < min) ? t : min), null);

function suggestionsFor(ticket: Ticket): SlaWarning['suggestions'] {
  if (ticket.tier === 'msp' || ticket.status === 'waitingMsp') return [];
  return ['raiseTier', 'forwardMsp'];
}

/**
 * The SLA clocks of tickets: computed from history on every change (in the change's transaction) and stored,
 * and watched so that the 75 % and breach warnings are raised once each.
 */
export function slaClocks(ctx: ServiceContext, policy: () => SlaPolicy) {
  // Keyed by the policy object (replaced on every update): a board asks for it once per card. Holidays of any
  // year are loaded by the calendar itself when first needed.
  let calendar: { policy: SlaPolicy; value: BusinessCalendar } | null = null;
  const calendarFor = (): BusinessCalendar => {
    const current = policy();
    if (!calendar || calendar.policy !== current) calendar = { policy: current, value: businessCalendar(current) };
    return calendar.value;
  };

  function compute(ticket: Ticket, now: Date) {
    return computeSla({
      createdAt: Date.parse(ticket.createdAt),
      changes: statusChanges(ctx.db, ticket.id),
      firstReplyAt: firstReplyAt(ctx.db, ticket.id),
      now: now.getTime(),
      targets: policy().targets[ticket.triage.priority],
      pausing: new Set(policy().pausing),
      calendar: calendarFor(),
    });
  }

  /** Recomputes and stores one ticket's clocks; a warning already raised stays raised while its step holds. */
  function store(ticket: Ticket, now: Date, raised?: Warned): SlaSnapshot {
    const { firstResponse, resolution } = compute(ticket, now);
    const before = raised ?? readSnapshot(ctx.db, ticket.id)?.warned ?? { first: 0, resolution: 0 };
    const warned = {
      first: Math.min(before.first, stepOf(firstResponse)),
      resolution: Math.min(before.resolution, stepOf(resolution)),
    };
    const snapshot: SlaSnapshot = {
      ticketId: ticket.id,
      first: firstResponse,
      resolution,
      nextDueAt: earliest(firstResponse.dueAt, resolution.dueAt),
      nextAlertAt: earliest(nextAlert(firstResponse, warned.first), nextAlert(resolution, warned.resolution)),
      warned,
      computedAt: now.getTime(),
    };
    writeSnapshot(ctx.db, snapshot);
    return snapshot;
  }

  const load = (id: number): Ticket | null => {
    const row = findTicketRow(ctx.db, id);
    return row ? rowToTicket(row) : null;
  };

  /** Raises the warnings due for one ticket (the highest step reached, once) and stores the raised steps. */
  function warn(ticket: Ticket, now: Date): SlaWarning[] {
    const snapshot = readSnapshot(ctx.db, ticket.id);
    const clocks = compute(ticket, now);
    const warned = { ...(snapshot?.warned ?? { first: 0, resolution: 0 }) };
    const raised: SlaWarning[] = [];
    for (const [name, key] of [
      ['firstResponse', 'first'],
      ['resolution', 'resolution'],
    ] as const) {
      const clock = clocks[name];
      const step = stepOf(clock);
      if (clock.dueAt === null || step <= warned[key]) continue;
      warned[key] = step;
      const warning: SlaWarning = {
        ticketId: ticket.id,
        number: ticket.number,
        title: ticket.title,
        priority: ticket.triage.priority,
        clock: name,
        level: step === 2 ? 'breached' : 'atRisk',
        dueAt: new Date(clock.dueAt).toISOString(),
        suggestions: step === 2 ? suggestionsFor(ticket) : [],
      };
      appendEvent(ctx.db, {
        ticketId: ticket.id,
        at: now.toISOString(),
        actor: 'Leitstand',
        kind: 'sla.warned',
        data: { clock: name, level: warning.level, dueAt: warning.dueAt, suggestions: warning.suggestions },
      });
      raised.push(warning);
    }
    store(ticket, now, warned);
    return raised;
  }

  return {
    calendarFor,
    compute,
    /** Called inside every transaction that changed tickets. */
    refresh(ids: readonly number[]): void {
      const now = ctx.now();
      for (const id of new Set(ids)) {
        const ticket = load(id);
        if (ticket) store(ticket, now);
      }
    },
    /** After a policy change: every open ticket's deadlines move. */
    refreshOpen(): void {
      const now = ctx.now();
      for (const id of openTicketIds(ctx.db)) store(load(id)!, now);
    },
    /** Stores clocks of tickets written before clocks were stored (open, or resolved in the last two days). */
    backfill(limit: number): number[] {
      const since = new Date(ctx.now().getTime() - 2 * 86_400_000).toISOString();
      const ids = ticketsWithoutSnapshot(ctx.db, since, limit);
      this.refresh(ids);
      return ids;
    },
    warnDue(limit: number): SlaWarning[] {
      const now = ctx.now();
      return ticketsToWarn(ctx.db, now.getTime(), limit).flatMap((id) => {
        const ticket = load(id);
        return ticket ? warn(ticket, now) : [];
      });
    },
  };
}
export type SlaClocks = ReturnType<typeof slaClocks>;
