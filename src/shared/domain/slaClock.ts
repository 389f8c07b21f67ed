import type { Status } from './enums';
import { addBusinessDays, addBusinessMs, businessMsBetween, type BusinessCalendar } from './businessTime';

/** A target in business hours, or in business days ("in 3 Werktagen"). */
export type SlaTarget = { hours: number } | { businessDays: number };

export type ClockState = {
  state: 'running' | 'paused' | 'met' | 'breached';
  /** When the target is due, while the clock runs; null when paused or done. */
  dueAt: number | null;
  /** When 75 % of the target is used up, while the clock runs; null when paused or done. */
  atRiskAt: number | null;
  elapsedMs: number;
  targetMs: number;
  /** Business time left (negative once breached). */
  remainingMs: number;
  /** elapsed / target: 0.75 and more is at risk, more than 1 is breached. */
  fraction: number;
};

export type SlaInput = {
  createdAt: number;
  /** Every status change after creation, in order. */
  changes: readonly { at: number; to: Status }[];
  firstReplyAt: number | null;
  now: number;
  targets: { firstResponse: SlaTarget; resolution: SlaTarget };
  /** Statuses during which the resolution clock stands still (default: waiting on requester). */
  pausing: ReadonlySet<Status>;
  calendar: BusinessCalendar;
};

export const AT_RISK = 0.75;

/** A business-days target measured from `start` as business milliseconds, so pauses can be subtracted. */
export function targetMs(start: number, target: SlaTarget, calendar: BusinessCalendar): number {
  if ('hours' in target) return Math.round(target.hours * 3_600_000);
  return businessMsBetween(start, addBusinessDays(start, target.businessDays, calendar), calendar);
}

type Span = { from: number; to: number; status: Status };

/** Status spans from creation to now; a clock set back (now before an event) never yields negative spans. */
function spans(input: SlaInput): Span[] {
  const result: Span[] = [];
  let status: Status = 'new';
  let from = input.createdAt;
  for (const change of input.changes) {
    const at = Math.max(from, Math.min(change.at, input.now));
    result.push({ from, to: at, status });
    status = change.to;
    from = at;
  }
  result.push({ from, to: Math.max(from, input.now), status });
  return result;
}

function clock(
  elapsedMs: number,
  target: number,
  running: boolean,
  runningSince: number,
  done: boolean,
  input: SlaInput,
): ClockState {
  const remainingMs = target - elapsedMs;
  const fraction = target > 0 ? elapsedMs / target : 1;
  if (done)
    return {
      state: remainingMs >= 0 ? 'met' : 'breached',
      dueAt: null,
      atRiskAt: null,
      elapsedMs,
      targetMs: target,
      remainingMs,
      fraction,
    };
  if (!running)
    return { state: 'paused', dueAt: null, atRiskAt: null, elapsedMs, targetMs: target, remainingMs, fraction };
  const elapsedBefore = elapsedMs - businessMsBetween(runningSince, input.now, input.calendar);
  const dueAt = addBusinessMs(runningSince, Math.max(0, target - elapsedBefore), input.calendar);
  const atRiskAt = addBusinessMs(runningSince, Math.max(0, target * AT_RISK - elapsedBefore), input.calendar);
  const state = remainingMs < 0 ? 'breached' : 'running';
  return { state, dueAt, atRiskAt, elapsedMs, targetMs: target, remainingMs, fraction };
}

/** Both clocks of a ticket at `now`, from its history: pure, so every case can be written down and checked. */
export function computeSla(input: SlaInput): { firstResponse: ClockState; resolution: ClockState } {
  const { calendar } = input;
  const firstTarget = targetMs(input.createdAt, input.targets.firstResponse, calendar);
  // A ticket resolved without a written reply has had its answer: the resolution stops the first-response clock too.
  const firstResolved = input.changes.find((c) => c.to === 'resolved' || c.to === 'closed')?.at ?? null;
  const answeredAt =
    input.firstReplyAt === null
      ? firstResolved
      : firstResolved === null
        ? input.firstReplyAt
        : Math.min(input.firstReplyAt, firstResolved);
  const firstEnd = Math.min(answeredAt ?? input.now, input.now);
  const firstElapsed = businessMsBetween(input.createdAt, Math.max(input.createdAt, firstEnd), calendar);
  const firstResponse = clock(
    firstElapsed,
    firstTarget,
    true,
    input.createdAt,
    answeredAt !== null && answeredAt <= input.now,
    input,
  );

  const resolutionTarget = targetMs(input.createdAt, input.targets.resolution, calendar);
  const all = spans(input);
  const counts = (status: Status) => status !== 'resolved' && status !== 'closed' && !input.pausing.has(status);
  const elapsed = all
    .filter((span) => counts(span.status))
    .reduce((sum, span) => sum + businessMsBetween(span.from, span.to, calendar), 0);
  const current = all.at(-1)!;
  const done = current.status === 'resolved' || current.status === 'closed';
  const resolution = clock(elapsed, resolutionTarget, counts(current.status), current.from, done, input);
  return { firstResponse, resolution };
}
