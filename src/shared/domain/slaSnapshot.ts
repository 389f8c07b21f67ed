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

/** The state of a stored clock at `now`: a running clock keeps its deadline until the ticket changes again. */
export function clockAt(clock: StoredClock, now: number, calendar: BusinessCalendar): ClockNow {
  const fractionOf = (remaining: number) => (clock.targetMs > 0 ? 1 - remaining / clock.targetMs : 1);
  if (clock.state === 'met' || clock.state === 'paused' || clock.dueAt === null) {
    const level: SlaLevel = clock.state === 'paused' ? 'paused' : clock.state === 'breached' ? 'breached' : 'done';
    return { level, remainingMs: clock.remainingMs, fraction: fractionOf(clock.remainingMs), dueAt: null };
  }
  const remainingMs =
    now <= clock.dueAt ? businessMsBetween(now, clock.dueAt, calendar) : -businessMsBetween(clock.dueAt, now, calendar);
  const fraction = fractionOf(remainingMs);
  const level: SlaLevel =
    remainingMs < 0 || now > clock.dueAt ? 'breached' : fraction >= AT_RISK ? 'atRisk' : 'onTrack';
  return { level, remainingMs, fraction, dueAt: clock.dueAt };
}

export type LeadingClock = ClockNow & { clock: 'firstResponse' | 'resolution' };

/**
 * The clock a card shows: the counting one that is due first (an unanswered ticket's first response usually);
 * otherwise the resolution clock (paused, met or breached).
 */
export function leadingClock(
  first: StoredClock,
  resolution: StoredClock,
  now: number,
  calendar: BusinessCalendar,
): LeadingClock {
  const firstNow = clockAt(first, now, calendar);
  const resolutionNow = clockAt(resolution, now, calendar);
  const firstCounts = first.dueAt !== null;
  if (firstCounts && (resolution.dueAt === null || first.dueAt! <= resolution.dueAt))
    return { ...firstNow, clock: 'firstResponse' };
  return { ...resolutionNow, clock: 'resolution' };
}
