import type { ChangeEvent, MethodOutput, ParsedInput } from '../../shared/contract';
import type { SlaStatus } from '../../shared/contract/sla';
import { AppError } from '../../shared/errors';
import type { ClockState } from '../../shared/domain/slaClock';
import { clockAt, ticketLevel } from '../../shared/domain/slaSnapshot';
import { defaultSlaPolicy, slaPolicySchema, type SlaPolicy } from '../../shared/domain/slaPolicy';
import { appendEvent } from '../queries/audit';
import { readPolicyRow, writePolicyRow } from '../queries/sla';
import { findTicketRow, rowToTicket } from '../queries/tickets';
import type { ServiceContext } from './context';
import { slaClocks } from './slaClocks';

const BACKFILL_BATCH = 500;
const WARN_BATCH = 200;

const MINUTE = 60_000;
const toClock = (clock: ClockState) => ({
  state: clock.state,
  dueAt: clock.dueAt === null ? null : new Date(clock.dueAt).toISOString(),
  elapsedMinutes: Math.round(clock.elapsedMs / MINUTE),
  targetMinutes: Math.round(clock.targetMs / MINUTE),
  remainingMinutes: Math.round(clock.remainingMs / MINUTE),
  fraction: Math.round(clock.fraction * 1000) / 1000,
});

export function slaService(ctx: ServiceContext) {
  let policy: SlaPolicy = (() => {
    const parsed = slaPolicySchema.safeParse(readPolicyRow(ctx.db));
    return parsed.success ? parsed.data : defaultSlaPolicy;
  })();
  const clocks = slaClocks(ctx, () => policy);

  function status(id: number): SlaStatus {
    const row = findTicketRow(ctx.db, id);
    if (!row) throw new AppError('not_found', 'not_found_ticket', { id });
    const ticket = rowToTicket(row);
    const now = ctx.now();
    const result = clocks.compute(ticket, now);
    const calendar = clocks.calendarFor();
    return {
      ticketId: id,
      priority: ticket.triage.priority,
      firstResponse: toClock(result.firstResponse),
      resolution: toClock(result.resolution),
      level: ticketLevel(
        clockAt(result.firstResponse, now.getTime(), calendar),
        clockAt(result.resolution, now.getTime(), calendar),
      ),
      pausedBy: result.resolution.state === 'paused' ? ticket.status : null,
    };
  }

  const handlers = {
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
          policy = next;
          try {
            clocks.refreshOpen();
          } catch (error) {
            policy = before;
            throw error;
          }
        },
        () => [{ entity: 'settings', ids: [] }],
      );
      return policy;
    },
    'sla.status': ({ id }: ParsedInput<'sla.status'>): MethodOutput<'sla.status'> => status(id),
    'sla.check': (): MethodOutput<'sla.check'> => {
      // Older tickets first get stored clocks, in bounded batches so no transaction runs long.
      const filled = ctx.write(
        () => clocks.backfill(BACKFILL_BATCH),
        (ids) => (ids.length ? [{ entity: 'ticket', ids }] : []),
      );
      const warnings = ctx.write(
        () => clocks.warnDue(WARN_BATCH),
        (raised): ChangeEvent[] => {
          const ids = [...new Set(raised.map((w) => w.ticketId))];
          return raised.length
            ? [
                { entity: 'ticket', ids },
                { entity: 'slaWarning', ids, warnings: raised },
              ]
            : [];
        },
      );
      return { warnings, backfilled: filled.length };
    },
  };
  return { handlers, clocks, policy: () => policy, timeZone: () => policy.timeZone };
}
