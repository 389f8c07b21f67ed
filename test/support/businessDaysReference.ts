import { DateTime } from 'luxon';
import {
  addBusinessMs,
  CalendarRangeError,
  CALENDAR_HORIZON_DAYS,
  openIntervals,
  type BusinessCalendar,
} from '../../src/shared/domain/businessTime';

// The day-by-day walk through luxon that `addBusinessDays` used before it walked the cached timeline: kept as the
// reference of the differential test (slower by two orders of magnitude, obviously right). A day's open intervals
// come from production: their wall-clock maths is checked against the minute model on its own.
const MAX_DAYS_SEARCHED = CALENDAR_HORIZON_DAYS;

const localDay = (ms: number, calendar: BusinessCalendar): DateTime =>
  DateTime.fromMillis(ms, { zone: calendar.timeZone }).startOf('day');

/**
 * N business days later at the same point of the business day ("in 3 Werktagen"): a request at 10:00 on a
 * Monday is due 10:00 on Thursday; outside hours it counts from the next opening; a shorter target day ends
 * at its closing time.
 */
export function addBusinessDaysByWalking(fromMs: number, days: number, calendar: BusinessCalendar): number {
  // Business time already gone on the start day (from its first opening); a later day keeps that offset.
  let day = localDay(fromMs, calendar);
  let offset = 0;
  for (let i = 0; ; i += 1) {
    if (i >= MAX_DAYS_SEARCHED) throw new CalendarRangeError();
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
  throw new CalendarRangeError();
}
