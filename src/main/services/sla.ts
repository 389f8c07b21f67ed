import type { MethodOutput, ParsedInput } from '../../shared/contract';
import type { SlaStatus } from '../../shared/contract/sla';
import { AppError } from '../../shared/errors';
import type { BusinessCalendar } from '../../shared/domain/businessTime';
import { computeSla, AT_RISK, type ClockState } from '../../shared/domain/slaClock';
import { defaultSlaPolicy, slaPolicySchema, type SlaPolicy } from '../../shared/domain/slaPolicy';
import { appendEvent } from '../queries/audit';
import { firstReplyAt, readPolicyRow, statusChanges, writePolicyRow } from '../queries/sla';
import { findTicketRow, rowToTicket } from '../queries/tickets';
import type { ServiceContext } from './context';
import { businessCalendar } from './slaCalendar';

const MINUTE = 60_000;
const toClock = (clock: ClockState) => ({
  state: clock.state,
  dueAt: clock.dueAt === null ? null : new Date(clock.dueAt).toISOString(),
  elapsedMinutes: Math.round(clock.elapsedMs / MINUTE),
  targetMinutes: Math.round(clock.targetMs / MINUTE),
  remainingMinutes: Math.round(clock.remainingMs / MINUTE),
  fraction: Math.round(clock.fraction * 1000) / 1000,
});

/** A clock still counting (running, or running past its deadline); done and paused clocks are not. */
const live = (clock: ClockState) => clock.dueAt !== null;

/** The colour word: the worse of the two clocks that still count. */
function level(first: ClockState, resolution: ClockState): SlaStatus['level'] {
  const counting = [first, resolution].filter(live);
  if (counting.some((clock) => clock.state === 'breached')) return 'breached';
  if (counting.some((clock) => clock.fraction >= AT_RISK)) return 'atRisk';
  if (resolution.state === 'paused') return 'paused';
  return live(resolution) ? 'onTrack' : 'done';
}

export function slaService(ctx: ServiceContext) {
  let policy: SlaPolicy = (() => {
    const parsed = slaPolicySchema.safeParse(readPolicyRow(ctx.db));
    return parsed.success ? parsed.data : defaultSlaPolicy;
  })();
  let calendar: { year: number; value: BusinessCalendar } | null = null;
  const calendarFor = (at: Date): BusinessCalendar => {
    const year = at.getUTCFullYear();
    if (!calendar || calendar.year !== year) calendar = { year, value: businessCalendar(policy, year) };
    return calendar.value;
  };

  function status(id: number): SlaStatus {
    const row = findTicketRow(ctx.db, id);
    if (!row) throw new AppError('not_found', 'not_found_ticket', { id });
    const ticket = rowToTicket(row);
    const now = ctx.now();
    const result = computeSla({
      createdAt: Date.parse(ticket.createdAt),
      changes: statusChanges(ctx.db, id),
      firstReplyAt: firstReplyAt(ctx.db, id),
      now: now.getTime(),
      targets: policy.targets[ticket.triage.priority],
      pausing: new Set(policy.pausing),
      calendar: calendarFor(now),
    });
    return {
      ticketId: id,
      priority: ticket.triage.priority,
      firstResponse: toClock(result.firstResponse),
      resolution: toClock(result.resolution),
      level: level(result.firstResponse, result.resolution),
      pausedBy: result.resolution.state === 'paused' ? ticket.status : null,
    };
  }

  return {
    'sla.policy.get': (): MethodOutput<'sla.policy.get'> => policy,
    'sla.policy.update': ({ policy: next }: ParsedInput<'sla.policy.update'>): MethodOutput<'sla.policy.update'> => {
      if (JSON.stringify(next) === JSON.stringify(policy)) return policy;
      const before = policy;
      ctx.write(
        () => {
          writePolicyRow(ctx.db, next);
          appendEvent(ctx.db, {
            ticketId: null,
            at: ctx.now().toISOString(),
            actor: ctx.settings().coordinatorName,
            kind: 'sla.policyUpdated',
            data: { before, after: next },
          });
        },
        () => [{ entity: 'settings', ids: [] }],
      );
      policy = next;
      calendar = null;
      return policy;
    },
    'sla.status': ({ id }: ParsedInput<'sla.status'>): MethodOutput<'sla.status'> => status(id),
  };
}
