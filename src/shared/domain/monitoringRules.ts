import { DateTime } from 'luxon';
import type { Check, CheckState, Maintenance, Sample } from './monitoring';

const HOUR = 3_600_000;

/** What the desk remembers of a check between runs. */
export type Tracked = {
  state: CheckState;
  /** Consecutive failed runs; consecutive good runs. */
  failures: number;
  successes: number;
  /** When the state last changed between down and not down, within the last hour (flap control). */
  flips: string[];
  flapping: boolean;
  /** Since when the check is in its state. */
  since: string;
};

export const initialTracked = (at: string): Tracked => ({
  state: 'unknown',
  failures: 0,
  successes: 0,
  flips: [],
  flapping: false,
  since: at,
});

export type Transition = 'none' | 'down' | 'recovered' | 'changed';

/**
 * The next state after one run. Going down needs `downAfter` failed runs in a row, coming back `upAfter` good
 * ones: a single lost packet is no outage. More flips than `flapLimit` within an hour mark the check flapping;
 * it stays so until an hour passed without a flip, and meanwhile recovery resolves nothing.
 */
export function nextTracked(
  tracked: Tracked,
  sample: Pick<Sample, 'at' | 'outcome'>,
  check: Pick<Check, 'downAfter' | 'upAfter' | 'flapLimit'>,
): { tracked: Tracked; transition: Transition } {
  const at = Date.parse(sample.at);
  const failed = sample.outcome === 'failed';
  const failures = failed ? tracked.failures + 1 : 0;
  const successes = failed ? 0 : tracked.successes + 1;
  const good: CheckState = sample.outcome === 'degraded' ? 'degraded' : 'up';
  let state = tracked.state;
  let transition: Transition = 'none';
  if (failed) {
    if (state !== 'down' && failures >= check.downAfter) {
      state = 'down';
      transition = 'down';
    }
  } else if (state === 'down') {
    if (successes >= check.upAfter) {
      state = good;
      transition = 'recovered';
    }
  } else if (state !== good) {
    state = good;
    transition = 'changed';
  }
  const recent = tracked.flips.filter((flip) => at - Date.parse(flip) < HOUR);
  const flips = transition === 'down' || transition === 'recovered' ? [...recent, sample.at] : recent;
  const flapping = flips.length > check.flapLimit || (tracked.flapping && flips.length > 0);
  return {
    tracked: {
      state,
      failures,
      successes,
      flips,
      flapping,
      since: state === tracked.state ? tracked.since : sample.at,
    },
    transition,
  };
}

const minutesOf = (time: string) => Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));

/** Whether `at` falls in the window, weekly windows read on the desk's wall clock (a window past midnight ends the next day). */
export function inWindow(span: Maintenance['window'], at: Date, timeZone: string): boolean {
  if (span.kind === 'once') return Date.parse(span.from) <= at.getTime() && at.getTime() < Date.parse(span.to);
  const local = DateTime.fromJSDate(at, { zone: timeZone });
  const minute = local.hour * 60 + local.minute;
  const start = minutesOf(span.start);
  const end = minutesOf(span.end);
  if (start < end) return span.days.includes(local.weekday) && minute >= start && minute < end;
  const yesterday = local.weekday === 1 ? 7 : local.weekday - 1;
  return (span.days.includes(local.weekday) && minute >= start) || (span.days.includes(yesterday) && minute < end);
}

/** The maintenance window covering a system at `at`, if any (system 0: every system). */
export function activeMaintenance(
  windows: readonly Maintenance[],
  systemId: number,
  at: Date,
  timeZone: string,
): Maintenance | undefined {
  return windows.find((m) => (m.systemId === 0 || m.systemId === systemId) && inWindow(m.window, at, timeZone));
}

/** Share of good runs (ok or degraded) among all, as a percentage with one decimal; null without runs. */
export function uptimePercent(good: number, total: number): number | null {
  return total === 0 ? null : Math.floor((good / total) * 1000) / 10;
}

/** The hour a sample is aggregated into (UTC, ISO). */
export const hourOf = (at: string): string => new Date(Math.floor(Date.parse(at) / HOUR) * HOUR).toISOString();

/** Raw samples are kept a week, hourly aggregates 13 months. */
export const RAW_RETENTION_DAYS = 7;
export const HOURLY_RETENTION_DAYS = 396;
