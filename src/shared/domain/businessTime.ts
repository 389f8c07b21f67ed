import { DateTime } from 'luxon';

/** Opening hours of one weekday, local wall-clock time "HH:MM"; null = closed all day. */
export type OpeningHours = { start: string; end: string } | null;

export type BusinessCalendar = {
  /** IANA time zone the hours are meant in, e.g. Europe/Berlin. */
  timeZone: string;
  /** ISO weekday 1 = Monday … 7 = Sunday. */
  week: Readonly<Record<1 | 2 | 3 | 4 | 5 | 6 | 7, OpeningHours>>;
  /** Local dates "YYYY-MM-DD" without business hours: public holidays and company closure days. */
  closed: ReadonlySet<string>;
};

const MAX_DAYS_SEARCHED = 366 * 3;

const minutesOf = (hhmm: string): number => {
  const [h, m] = hhmm.split(':').map(Number);
  return (h ?? 0) * 60 + (m ?? 0);
};

/** The open interval [start, end) in UTC milliseconds on the local calendar day `day`, if any. */
function openInterval(day: DateTime, calendar: BusinessCalendar): [number, number] | null {
  if (calendar.closed.has(day.toISODate() ?? '')) return null;
  const hours = calendar.week[day.weekday as 1 | 2 | 3 | 4 | 5 | 6 | 7];
  if (!hours) return null;
  // Wall-clock times resolved in the zone: across a DST switch the interval is an hour shorter or longer.
  const at = (minutes: number) =>
    DateTime.fromObject(
      { year: day.year, month: day.month, day: day.day, hour: Math.floor(minutes / 60), minute: minutes % 60 },
      { zone: calendar.timeZone },
    ).toMillis();
  const start = at(minutesOf(hours.start));
  const end = at(minutesOf(hours.end));
  return end > start ? [start, end] : null;
}

const localDay = (ms: number, calendar: BusinessCalendar): DateTime =>
  DateTime.fromMillis(ms, { zone: calendar.timeZone }).startOf('day');

/** Business milliseconds in [fromMs, toMs); 0 when `toMs` is not after `fromMs`. */
export function businessMsBetween(fromMs: number, toMs: number, calendar: BusinessCalendar): number {
  if (toMs <= fromMs) return 0;
  let total = 0;
  let day = localDay(fromMs, calendar);
  for (let i = 0; i < MAX_DAYS_SEARCHED * 10 && day.toMillis() < toMs; i += 1) {
    const open = openInterval(day, calendar);
    if (open) total += Math.max(0, Math.min(open[1], toMs) - Math.max(open[0], fromMs));
    day = day.plus({ days: 1 });
  }
  return total;
}

/** The moment at which `ms` business milliseconds have passed after `fromMs`. */
export function addBusinessMs(fromMs: number, ms: number, calendar: BusinessCalendar): number {
  let remaining = Math.max(0, ms);
  let day = localDay(fromMs, calendar);
  for (let i = 0; i < MAX_DAYS_SEARCHED; i += 1) {
    const open = openInterval(day, calendar);
    if (open && fromMs < open[1]) {
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
  let day = localDay(fromMs, calendar);
  let open = openInterval(day, calendar);
  for (let i = 0; i < MAX_DAYS_SEARCHED && !(open && fromMs < open[1]); i += 1) {
    day = day.plus({ days: 1 });
    open = openInterval(day, calendar);
  }
  if (!open) throw new Error('business calendar has no open hours within three years');
  const offset = Math.max(0, fromMs - open[0]);
  if (days <= 0) return open[0] + offset;
  let counted = 0;
  for (let i = 0; i < MAX_DAYS_SEARCHED; i += 1) {
    day = day.plus({ days: 1 });
    const next = openInterval(day, calendar);
    if (!next) continue;
    counted += 1;
    if (counted >= days) return Math.min(next[0] + offset, next[1]);
  }
  throw new Error('business calendar has no open hours within three years');
}
