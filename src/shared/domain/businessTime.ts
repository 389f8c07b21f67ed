import { DateTime } from 'luxon';

/** One stretch of opening hours, local wall-clock time "HH:MM"; an end of "24:00" is the next midnight. */
export type OpeningInterval = { start: string; end: string };
/** The opening hours of one weekday, in order and not overlapping; empty = closed all day. */
export type OpeningHours = readonly OpeningInterval[];

export type Weekday = '1' | '2' | '3' | '4' | '5' | '6' | '7';

export type BusinessCalendar = {
  /** IANA time zone the hours are meant in, e.g. Europe/Berlin. */
  timeZone: string;
  /** ISO weekday "1" = Monday … "7" = Sunday. */
  week: Readonly<Record<Weekday, OpeningHours>>;
  /**
   * Local dates "YYYY-MM-DD" without business hours: public holidays and company closure days. A set, or a lookup
   * that loads the holidays of a year when a date of that year is first asked for (deadlines years ahead).
   */
  closed: { has: (isoDate: string) => boolean };
};

/**
 * How far the maths looks for open hours. The policy schema only accepts targets that a week of its hours reaches
 * within five years; 25 years leave room for closure days and holidays even with one open day a week.
 */
export const CALENDAR_HORIZON_DAYS = 366 * 25;
const MAX_DAYS_SEARCHED = CALENDAR_HORIZON_DAYS;

/** A calendar whose open hours cannot reach a deadline: a policy error the user must see, never a crash. */
export class CalendarRangeError extends Error {
  constructor() {
    super('business calendar has no open hours within the calendar horizon');
  }
}

const minutesOf = (hhmm: string): number => {
  const [h, m] = hhmm.split(':').map(Number);
  return (h ?? 0) * 60 + (m ?? 0);
};

/** The open intervals [start, end) in UTC milliseconds on the local calendar day `day`. */
export function openIntervals(day: DateTime, calendar: BusinessCalendar): [number, number][] {
  if (calendar.closed.has(day.toISODate() ?? '')) return [];
  // Wall-clock times resolved in the zone: across a DST switch the day is an hour shorter or longer.
  // A wall time that a DST switch repeats means its first occurrence: "open 02:00–05:00" starts when the clock first
  // shows 02:00. (luxon alone would take the later one.)
  const at = (minutes: number) => {
    if (minutes >= 24 * 60) return day.plus({ days: 1 }).startOf('day').toMillis();
    const wall = DateTime.fromObject(
      { year: day.year, month: day.month, day: day.day, hour: Math.floor(minutes / 60), minute: minutes % 60 },
      { zone: calendar.timeZone },
    );
    // Only after a switch that day does the offset differ from midnight's; then look for an earlier occurrence.
    if (wall.offset === day.offset) return wall.toMillis();
    return Math.min(...wall.getPossibleOffsets().map((candidate) => candidate.toMillis()), wall.toMillis());
  };
  return calendar.week[String(day.weekday) as Weekday]
    .map((interval): [number, number] => [at(minutesOf(interval.start)), at(minutesOf(interval.end))])
    .filter(([start, end]) => end > start);
}

const localDay = (ms: number, calendar: BusinessCalendar): DateTime =>
  DateTime.fromMillis(ms, { zone: calendar.timeZone }).startOf('day');

/**
 * The open intervals of a span of local days, flattened in UTC with a running total, so "business time between"
 * and "add business time" are binary searches instead of walking days through the time-zone library (that walk
 * cost 0.4 ms per call; a board of 5,000 cards asks thousands of times).
 */
type Timeline = {
  from: number;
  to: number;
  starts: number[];
  ends: number[];
  before: number[];
  /** Each local day's midnight (UTC ms) and the index of its first interval: "N business days" walks these. */
  days: number[];
  dayFirst: number[];
};

const timelines = new WeakMap<BusinessCalendar, Timeline>();
const DAY_MS = 86_400_000;
const MARGIN_DAYS = 45;

function buildTimeline(fromMs: number, toMs: number, calendar: BusinessCalendar): Timeline {
  const timeline: Timeline = { from: 0, to: 0, starts: [], ends: [], before: [], days: [], dayFirst: [] };
  let day = localDay(fromMs, calendar);
  timeline.from = day.toMillis();
  let total = 0;
  while (day.toMillis() < toMs) {
    timeline.days.push(day.toMillis());
    timeline.dayFirst.push(timeline.starts.length);
    for (const [start, end] of openIntervals(day, calendar)) {
      timeline.starts.push(start);
      timeline.ends.push(end);
      timeline.before.push(total);
      total += end - start;
    }
    day = day.plus({ days: 1 });
  }
  timeline.to = day.toMillis();
  return timeline;
}

/**
 * A timeline of the calendar covering [fromMs, toMs], grown (with a margin) when a call reaches beyond it: later
 * days are appended, so a clock that moves forward (the seeder's two years, a desk running for months) costs each
 * day once; reaching before the start rebuilds.
 */
function timelineFor(calendar: BusinessCalendar, fromMs: number, toMs: number): Timeline {
  const known = timelines.get(calendar);
  if (known && known.from <= fromMs && toMs < known.to) return known;
  const to = Math.max(known?.to ?? -Infinity, toMs + MARGIN_DAYS * DAY_MS);
  if (known && known.from <= fromMs) {
    appendTimeline(known, buildTimeline(known.to, to, calendar));
    return known;
  }
  const from = Math.min(known?.from ?? Infinity, fromMs - MARGIN_DAYS * DAY_MS);
  const built = buildTimeline(from, to, calendar);
  timelines.set(calendar, built);
  return built;
}

/** Appends the days of `later` (which starts at `timeline.to`) to `timeline`. */
function appendTimeline(timeline: Timeline, later: Timeline): void {
  const last = timeline.ends.length - 1;
  const total = last < 0 ? 0 : timeline.before[last]! + timeline.ends[last]! - timeline.starts[last]!;
  const shift = timeline.starts.length;
  // One element at a time: spreading a long array into push() can exceed the call stack.
  later.starts.forEach((start, i) => {
    timeline.starts.push(start);
    timeline.ends.push(later.ends[i]!);
    timeline.before.push(later.before[i]! + total);
  });
  later.days.forEach((day, i) => {
    timeline.days.push(day);
    timeline.dayFirst.push(later.dayFirst[i]! + shift);
  });
  timeline.to = later.to;
}

/** Index of the first interval whose end is after `ms` (the length when none is). */
function firstEndingAfter(timeline: Timeline, ms: number): number {
  let low = 0;
  let high = timeline.ends.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (timeline.ends[mid]! > ms) high = mid;
    else low = mid + 1;
  }
  return low;
}

/** Business milliseconds from the timeline's start to `ms`. */
function businessBefore(timeline: Timeline, ms: number): number {
  const index = firstEndingAfter(timeline, ms);
  if (index >= timeline.ends.length) {
    const last = timeline.ends.length - 1;
    return last < 0 ? 0 : timeline.before[last]! + timeline.ends[last]! - timeline.starts[last]!;
  }
  return timeline.before[index]! + Math.max(0, ms - timeline.starts[index]!);
}

/** Business milliseconds in [fromMs, toMs); 0 when `toMs` is not after `fromMs`. */
export function businessMsBetween(fromMs: number, toMs: number, calendar: BusinessCalendar): number {
  if (toMs <= fromMs) return 0;
  const timeline = timelineFor(calendar, fromMs, toMs);
  return businessBefore(timeline, toMs) - businessBefore(timeline, fromMs);
}

/** The moment at which `ms` business milliseconds have passed after `fromMs`. */
export function addBusinessMs(fromMs: number, ms: number, calendar: BusinessCalendar): number {
  const wanted = Math.max(0, ms);
  for (let horizonDays = 60; ; horizonDays = Math.min(horizonDays * 2, MAX_DAYS_SEARCHED)) {
    const timeline = timelineFor(calendar, fromMs, fromMs + horizonDays * DAY_MS);
    const target = businessBefore(timeline, fromMs) + wanted;
    // The first interval after `fromMs` whose end reaches the target: a target that ends exactly at closing time
    // is due at closing time, not next morning.
    let low = firstEndingAfter(timeline, fromMs);
    let high = timeline.ends.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (timeline.before[mid]! + timeline.ends[mid]! - timeline.starts[mid]! >= target) high = mid;
      else low = mid + 1;
    }
    if (low < timeline.ends.length) return timeline.starts[low]! + (target - timeline.before[low]!);
    if (horizonDays >= MAX_DAYS_SEARCHED) throw new CalendarRangeError();
  }
}

/**
 * N business days later at the same point of the business day ("in 3 Werktagen"): a request at 10:00 on a
 * Monday is due 10:00 on Thursday; outside hours it counts from the next opening; a shorter target day ends
 * at its closing time. Walks the timeline's days (a time-zone library call per day cost half of every write).
 */
export function addBusinessDays(fromMs: number, days: number, calendar: BusinessCalendar): number {
  for (let horizonDays = Math.max(60, days * 2 + 30); ; horizonDays = Math.min(horizonDays * 2, MAX_DAYS_SEARCHED)) {
    const timeline = timelineFor(calendar, fromMs, fromMs + horizonDays * DAY_MS);
    const due = businessDaysOn(timeline, fromMs, days, calendar);
    if (due !== null) return due;
    if (horizonDays >= MAX_DAYS_SEARCHED) throw new CalendarRangeError();
  }
}

/** `addBusinessDays` within one timeline; null when the timeline ends first. */
function businessDaysOn(timeline: Timeline, fromMs: number, days: number, calendar: BusinessCalendar): number | null {
  const { starts, ends, dayFirst } = timeline;
  const dayCount = timeline.days.length;
  const firstOf = (d: number) => dayFirst[d]!;
  const endOf = (d: number) => (d + 1 < dayCount ? dayFirst[d + 1]! : starts.length);
  // The local day holding `fromMs`: the last midnight at or before it.
  let low = 0;
  let high = dayCount;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (timeline.days[mid]! <= fromMs) low = mid + 1;
    else high = mid;
  }
  let day = Math.max(0, low - 1);
  // Business time already gone on the start day (from its first opening); a later day keeps that offset.
  let offset = 0;
  for (; ; day += 1) {
    if (day >= dayCount) return null;
    const [a, b] = [firstOf(day), endOf(day)];
    if (b > a && fromMs < ends[b - 1]!) {
      for (let k = a; k < b; k += 1) offset += Math.max(0, Math.min(ends[k]!, fromMs) - starts[k]!);
      if (days <= 0) return addBusinessMs(Math.max(fromMs, starts[a]!), 0, calendar);
      break;
    }
  }
  let counted = 0;
  for (day += 1; day < dayCount; day += 1) {
    const [a, b] = [firstOf(day), endOf(day)];
    if (b === a) continue;
    counted += 1;
    if (counted < days) continue;
    // The same business offset into the target day, or its closing time when that day is shorter.
    let left = offset;
    for (let k = a; k < b; k += 1) {
      if (left <= ends[k]! - starts[k]!) return starts[k]! + left;
      left -= ends[k]! - starts[k]!;
    }
    return ends[b - 1]!;
  }
  return null;
}

/** A day with opening hours that is neither a holiday nor a closure day. */
export function isWorkingDay(isoDate: string, calendar: BusinessCalendar): boolean {
  const day = DateTime.fromISO(isoDate, { zone: calendar.timeZone });
  return calendar.week[String(day.weekday) as Weekday].length > 0 && !calendar.closed.has(isoDate);
}

/**
 * `days` working days after (or, negative, before) a date: "5 working days before the start on Monday 7 Dec"
 * is Monday 30 Nov; across holidays and closure days it moves further. 0 keeps the date.
 */
export function shiftWorkingDays(isoDate: string, days: number, calendar: BusinessCalendar): string {
  let day = DateTime.fromISO(isoDate, { zone: calendar.timeZone });
  const step = days < 0 ? -1 : 1;
  for (let left = Math.abs(days), guard = 0; left > 0; guard += 1) {
    if (guard > MAX_DAYS_SEARCHED) throw new CalendarRangeError();
    day = day.plus({ days: step });
    if (isWorkingDay(day.toISODate()!, calendar)) left -= 1;
  }
  return day.toISODate()!;
}
