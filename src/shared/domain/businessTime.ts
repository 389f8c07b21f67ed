import { DateTime } from 'luxon';

/** One stretch of opening hours, local wall-clock time "HH:MM". */
export type OpeningInterval = { start: string; end: string };
/** The opening hours of one weekday, in order and not overlapping; empty = closed all day. */
export type OpeningHours = readonly OpeningInterval[];

export type Weekday = '1' | '2' | '3' | '4' | '5' | '6' | '7';

export type BusinessCalendar = {
  /** IANA time zone the hours are meant in, e.g. Europe/Berlin. */
  timeZone: string;
  /** ISO weekday "1" = Monday … "7" = Sunday. */
  week: Readonly<Record<Weekday, OpeningHours>>;
  /** Local dates "YYYY-MM-DD" without business hours: public holidays and company closure days. */
  closed: ReadonlySet<string>;
};

const MAX_DAYS_SEARCHED = 366 * 3;

const minutesOf = (hhmm: string): number => {
  const [h, m] = hhmm.split(':').map(Number);
  return (h ?? 0) * 60 + (m ?? 0);
};

/** The open intervals [start, end) in UTC milliseconds on the local calendar day `day`. */
function openIntervals(day: DateTime, calendar: BusinessCalendar): [number, number][] {
  if (calendar.closed.has(day.toISODate() ?? '')) return [];
  // Wall-clock times resolved in the zone: across a DST switch the day is an hour shorter or longer.
  const at = (minutes: number) =>
    DateTime.fromObject(
      { year: day.year, month: day.month, day: day.day, hour: Math.floor(minutes / 60), minute: minutes % 60 },
      { zone: calendar.timeZone },
    ).toMillis();
  return calendar.week[String(day.weekday) as Weekday]
    .map((interval): [number, number] => [at(minutesOf(interval.start)), at(minutesOf(interval.end))])
    .filter(([start, end]) => end > start);
}

const localDay = (ms: number, calendar: BusinessCalendar): DateTime =>
  DateTime.fromMillis(ms, { zone: calendar.timeZone }).startOf('day');

/** Business milliseconds in [fromMs, toMs); 0 when `toMs` is not after `fromMs`. */
export function businessMsBetween(fromMs: number, toMs: number, calendar: BusinessCalendar): number {
  if (toMs <= fromMs) return 0;
  let total = 0;
  let day = localDay(fromMs, calendar);
  for (let i = 0; i < MAX_DAYS_SEARCHED * 10 && day.toMillis() < toMs; i += 1) {
    for (const open of openIntervals(day, calendar))
      total += Math.max(0, Math.min(open[1], toMs) - Math.max(open[0], fromMs));
    day = day.plus({ days: 1 });
  }
  return total;
}

/** The moment at which `ms` business milliseconds have passed after `fromMs`. */
export function addBusinessMs(fromMs: number, ms: number, calendar: BusinessCalendar): number {
  let remaining = Math.max(0, ms);
  let day = localDay(fromMs, calendar);
  for (let i = 0; i < MAX_DAYS_SEARCHED; i += 1) {
    for (const open of openIntervals(day, calendar)) {
      if (fromMs >= open[1]) continue;
      const begin = Math.max(open[0], fromMs);
      const available = open[1] - begin;
      // A target that ends exactly at closing time is due at closing time, not next morning.
      if (remaining <= available) return begin + remaining;
      remaining -= available;
    }
    day = day.plus({ days: 1 });
  }
  throw new Error('business calendar has no open hours within three years');
}

/**
 * N business days later at the same point of the business day ("in 3 Werktagen"): a request at 10:00 on a
 * Monday is due 10:00 on Thursday; outside hours it counts from the next opening; a shorter target day ends
 * at its closing time.
 */
export function addBusinessDays(fromMs: number, days: number, calendar: BusinessCalendar): number {
  // Business time already gone on the start day (from its first opening); a later day keeps that offset.
  let day = localDay(fromMs, calendar);
  let offset = 0;
  for (let i = 0; ; i += 1) {
    if (i >= MAX_DAYS_SEARCHED) throw new Error('business calendar has no open hours within three years');
    const intervals = openIntervals(day, calendar);
    const last = intervals.at(-1);
    if (last && fromMs < last[1]) {
      offset = intervals.reduce((sum, [start, end]) => sum + Math.max(0, Math.min(end, fromMs) - start), 0);
      if (days <= 0) return addBusinessMs(Math.max(fromMs, intervals[0]![0]), 0, calendar);
      break;
    }
    day = day.plus({ days: 1 });
  }
  let counted = 0;
  for (let i = 0; i < MAX_DAYS_SEARCHED; i += 1) {
    day = day.plus({ days: 1 });
    const intervals = openIntervals(day, calendar);
    if (intervals.length === 0) continue;
    counted += 1;
    if (counted < days) continue;
    // The same business offset into the target day, or its closing time when that day is shorter.
    let left = offset;
    for (const [start, end] of intervals) {
      if (left <= end - start) return start + left;
      left -= end - start;
    }
    return intervals.at(-1)![1];
  }
  throw new Error('business calendar has no open hours within three years');
}
