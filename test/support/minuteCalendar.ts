// An independent model of the SLA calendar and clocks for differential tests: it steps minute by minute and reads
// local wall time from Intl (not luxon, not the production timeline), so it shares no code path with what it checks.
import type { Status } from '../../src/shared/domain/enums';

export const MINUTE = 60_000;

export type ModelCalendar = {
  timeZone: string;
  /** ISO weekday 1–7 → stretches in local minutes of the day [start, end); end may be 1440. */
  week: Record<number, [number, number][]>;
  closed: ReadonlySet<string>;
};

type LocalHour = { date: string; weekday: number; minuteOfDay: number };
const weekdays: Record<string, number> = { Mon: 1, Tue: 2, Wed: 3, Thu: 4, Fri: 5, Sat: 6, Sun: 7 };
const formats = new Map<string, Intl.DateTimeFormat>();
const hours = new Map<string, LocalHour>();

/** Local date, weekday and minute of day at the start of a UTC hour (offsets of the zones used change on the hour). */
function localHour(timeZone: string, utcHour: number): LocalHour {
  const key = `${timeZone}|${utcHour}`;
  const known = hours.get(key);
  if (known) return known;
  let format = formats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      weekday: 'short',
      hourCycle: 'h23',
    });
    formats.set(timeZone, format);
  }
  const parts = Object.fromEntries(format.formatToParts(new Date(utcHour * 3_600_000)).map((p) => [p.type, p.value]));
  const value: LocalHour = {
    date: `${parts.year}-${parts.month}-${parts.day}`,
    weekday: weekdays[parts.weekday!]!,
    minuteOfDay: Number(parts.hour) * 60 + Number(parts.minute),
  };
  hours.set(key, value);
  return value;
}

/** Whether the minute starting at `ms` (a whole minute) is business time. */
export function isOpenMinute(calendar: ModelCalendar, ms: number): boolean {
  const hour = localHour(calendar.timeZone, Math.floor(ms / 3_600_000));
  if (calendar.closed.has(hour.date)) return false;
  const minute = hour.minuteOfDay + Math.floor((ms % 3_600_000) / MINUTE);
  return (calendar.week[hour.weekday] ?? []).some(([start, end]) => minute >= start && minute < end);
}

export function openMinutesBetween(calendar: ModelCalendar, from: number, to: number): number {
  let count = 0;
  for (let m = from; m < to; m += MINUTE) if (isOpenMinute(calendar, m)) count += 1;
  return count;
}

/** The end of the minute in which the `minutes`-th open minute after `from` ends. */
export function addOpenMinutes(calendar: ModelCalendar, from: number, minutes: number): number {
  let count = 0;
  for (let m = from; ; m += MINUTE) {
    if (isOpenMinute(calendar, m)) count += 1;
    if (count >= minutes) return m + MINUTE;
  }
}

export type ModelHistory = {
  createdAt: number;
  changes: { at: number; to: Status }[];
  firstReplyAt: number | null;
  now: number;
  targetMinutes: { firstResponse: number; resolution: number };
  pausing: ReadonlySet<Status>;
};

export type ModelClock = {
  state: 'running' | 'paused' | 'met' | 'breached';
  dueAt: number | null;
  elapsedMinutes: number;
};

const done = (status: Status) => status === 'resolved' || status === 'closed';

/** Counts minute by minute while `counts(m)` holds, from `from` to `end`, and on past `end` if `runsOn`. */
function stepClock(
  calendar: ModelCalendar,
  from: number,
  end: number,
  target: number,
  counts: (minute: number) => boolean,
  runsOn: boolean,
): { elapsed: number; deadline: number | null } {
  let elapsed = 0;
  let deadline: number | null = null;
  for (let m = from; m < end; m += MINUTE) {
    if (counts(m) && isOpenMinute(calendar, m)) {
      elapsed += 1;
      if (elapsed === target) deadline = m + MINUTE;
    }
  }
  if (deadline === null && runsOn) deadline = addOpenMinutes(calendar, end, target - elapsed);
  return { elapsed, deadline };
}

export function modelClocks(calendar: ModelCalendar, h: ModelHistory): { first: ModelClock; resolution: ModelClock } {
  const firstDone = h.changes.find((c) => done(c.to))?.at ?? null;
  const answered = [h.firstReplyAt, firstDone].filter((t): t is number => t !== null && t <= h.now);
  const answeredAt = answered.length ? Math.min(...answered) : null;
  const firstEnd = answeredAt ?? h.now;
  const f = stepClock(calendar, h.createdAt, firstEnd, h.targetMinutes.firstResponse, () => true, answeredAt === null);
  const first: ModelClock =
    answeredAt !== null
      ? {
          state: f.deadline !== null && f.deadline < answeredAt ? 'breached' : 'met',
          dueAt: null,
          elapsedMinutes: f.elapsed,
        }
      : { state: f.deadline! < h.now ? 'breached' : 'running', dueAt: f.deadline, elapsedMinutes: f.elapsed };

  const statusAt = (m: number): Status => {
    let status: Status = 'new';
    for (const change of h.changes) if (change.at <= m) status = change.to;
    return status;
  };
  const current = h.changes.at(-1)?.to ?? 'new';
  const currentSince = h.changes.at(-1)?.at ?? h.createdAt;
  const counting = (status: Status) => !done(status) && !h.pausing.has(status);
  const end = done(current) ? currentSince : h.now;
  const runs = counting(current);
  const r = stepClock(calendar, h.createdAt, end, h.targetMinutes.resolution, (m) => counting(statusAt(m)), runs);
  const resolution: ModelClock = done(current)
    ? { state: r.deadline !== null && r.deadline < end ? 'breached' : 'met', dueAt: null, elapsedMinutes: r.elapsed }
    : !runs
      ? { state: 'paused', dueAt: null, elapsedMinutes: r.elapsed }
      : { state: r.deadline! < h.now ? 'breached' : 'running', dueAt: r.deadline, elapsedMinutes: r.elapsed };
  return { first, resolution };
}
