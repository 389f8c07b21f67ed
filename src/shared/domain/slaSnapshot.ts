import { businessMsBetween, type BusinessCalendar } from './businessTime';
import { AT_RISK, type ClockState } from './slaClock';

/** One clock as stored after the ticket's last change: enough to tell its state at any later moment cheaply. */
export type StoredClock = Pick<ClockState, 'state' | 'dueAt' | 'atRiskAt' | 'targetMs' | 'remainingMs'>;

export type SlaLevel = 'onTrack' | 'atRisk' | 'breached' | 'paused' | 'done';

export type ClockNow = {
  level: SlaLevel;
  /** Business milliseconds left at `now` (negative once breached). */
  remainingMs: number;
  /** Share of the target used up at `now`. */
  fraction: number;
  dueAt: number | null;
};

/**
 * The state of a clock (stored after the ticket's last change, or just computed) at `now`: a running clock keeps
 * its deadline until the ticket changes again. The one place that decides a clock's level, for the board, next up
 * and `sla.status` alike: past its deadline is breached (also after hours, when no business minute passed).
 */
export function clockAt(clock: StoredClock, now: number, calendar: BusinessCalendar): ClockNow {
  const fractionOf = (remaining: number) => (clock.targetMs > 0 ? 1 - remaining / clock.targetMs : 1);
  if (clock.state === 'met' || clock.state === 'paused' || clock.dueAt === null) {
    const level: SlaLevel = clock.state === 'paused' ? 'paused' : 'done';
    return { level, remainingMs: clock.remainingMs, fraction: fractionOf(clock.remainingMs), dueAt: null };
  }
  const remainingMs =
    now <= clock.dueAt ? businessMsBetween(now, clock.dueAt, calendar) : -businessMsBetween(clock.dueAt, now, calendar);
  const fraction = fractionOf(remainingMs);
  const level: SlaLevel =
    remainingMs < 0 || now > clock.dueAt ? 'breached' : fraction >= AT_RISK ? 'atRisk' : 'onTrack';
  return { level, remainingMs, fraction, dueAt: clock.dueAt };
}

const counting = (clock: ClockNow) => clock.level !== 'paused' && clock.level !== 'done';

/** The one word for a ticket's colour: the worse of the clocks that still count; else paused, else done. */
export function ticketLevel(first: ClockNow, resolution: ClockNow): SlaLevel {
  const live = [first, resolution].filter(counting);
  if (live.some((clock) => clock.level === 'breached')) return 'breached';
  if (live.some((clock) => clock.level === 'atRisk')) return 'atRisk';
  if (resolution.level === 'paused') return 'paused';
  return live.length ? 'onTrack' : 'done';
}

export type LeadingClock = ClockNow & { clock: 'firstResponse' | 'resolution' };

/**
 * The clock a card shows: the counting one that is due first (an unanswered ticket's first response usually);
 * otherwise the resolution clock (paused or done). Its level is the ticket's, as `sla.status` says it.
 */
export function leadingClock(
  first: StoredClock,
  resolution: StoredClock,
  now: number,
  calendar: BusinessCalendar,
): LeadingClock {
  const firstNow = clockAt(first, now, calendar);
  const resolutionNow = clockAt(resolution, now, calendar);
  const level = ticketLevel(firstNow, resolutionNow);
  const firstCounts = first.dueAt !== null;
  if (firstCounts && (resolution.dueAt === null || first.dueAt! <= resolution.dueAt))
    return { ...firstNow, level, clock: 'firstResponse' };
  return { ...resolutionNow, level, clock: 'resolution' };
}
