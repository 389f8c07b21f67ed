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

/**
 * The moment at which the counted business time reaches `amount`: walking the closed spans in order, then, if the
 * clock still runs, on from the start of its current span. A fact of the history: a later status change that does
 * not pause the clock never moves it. Null when it is not reached and the clock no longer runs.
 */
function reachedAt(closed: readonly Span[], running: Span | null, amount: number, calendar: BusinessCalendar) {
  let before = 0;
  for (const span of closed) {
    const inSpan = businessMsBetween(span.from, span.to, calendar);
    if (before + inSpan >= amount) return addBusinessMs(span.from, amount - before, calendar);
    before += inSpan;
  }
  return running ? addBusinessMs(running.from, amount - before, calendar) : null;
}

/**
 * One clock from the spans in which it counted. `running` is the span it counts in now (null when it stands
 * still or is done); `end` is when it stopped or now. Breached means the deadline lies before the end: read after
 * hours, a deadline of 17:00 is breached at 18:00 although no business minute passed since.
 */
function clock(
  counted: readonly Span[],
  running: Span | null,
  target: number,
  state: 'running' | 'paused' | 'done',
  end: number,
  calendar: BusinessCalendar,
): ClockState {
  const elapsedMs = [...counted, ...(running ? [running] : [])].reduce(
    (sum, span) => sum + businessMsBetween(span.from, span.to, calendar),
    0,
  );
  const remainingMs = target - elapsedMs;
  const fraction = target > 0 ? elapsedMs / target : 1;
  const deadline = reachedAt(counted, running, target, calendar);
  const late = remainingMs < 0 || (deadline !== null && deadline < end);
  const base = { elapsedMs, targetMs: target, remainingMs, fraction };
  if (state === 'done') return { state: late ? 'breached' : 'met', dueAt: null, atRiskAt: null, ...base };
  if (state === 'paused') return { state: 'paused', dueAt: null, atRiskAt: null, ...base };
  const atRiskAt = reachedAt(counted, running, target * AT_RISK, calendar);
  return { state: late ? 'breached' : 'running', dueAt: deadline, atRiskAt, ...base };
}

const isDone = (status: Status) => status === 'resolved' || status === 'closed';

/** Both clocks of a ticket at `now`, from its history: pure, so every case can be written down and checked. */
export function computeSla(input: SlaInput): { firstResponse: ClockState; resolution: ClockState } {
  const { calendar } = input;
  const firstTarget = targetMs(input.createdAt, input.targets.firstResponse, calendar);
  // A ticket resolved without a written reply has had its answer: the resolution stops the first-response clock too.
  const firstResolved = input.changes.find((c) => isDone(c.to))?.at ?? null;
  const answeredAt =
    input.firstReplyAt === null
      ? firstResolved
      : firstResolved === null
        ? input.firstReplyAt
        : Math.min(input.firstReplyAt, firstResolved);
  const answered = answeredAt !== null && answeredAt <= input.now;
  const firstSpan: Span = {
    from: input.createdAt,
    to: Math.max(input.createdAt, answered ? answeredAt : input.now),
    status: 'new',
  };
  const firstResponse = answered
    ? clock([firstSpan], null, firstTarget, 'done', firstSpan.to, calendar)
    : clock([], firstSpan, firstTarget, 'running', input.now, calendar);

  const resolutionTarget = targetMs(input.createdAt, input.targets.resolution, calendar);
  const all = spans(input);
  const counts = (status: Status) => !isDone(status) && !input.pausing.has(status);
  const current = all.at(-1)!;
  const countedBefore = all.slice(0, -1).filter((span) => counts(span.status));
  const resolution = isDone(current.status)
    ? clock(countedBefore, null, resolutionTarget, 'done', current.from, calendar)
    : counts(current.status)
      ? clock(countedBefore, current, resolutionTarget, 'running', input.now, calendar)
      : clock(countedBefore, null, resolutionTarget, 'paused', input.now, calendar);
  return { firstResponse, resolution };
}
