import { createRequire } from 'node:module';
import type HolidaysType from 'date-holidays';
import type { BusinessCalendar } from '../../shared/domain/businessTime';

// date-holidays brings every country's rules and takes 200 ms to load: load it when a calendar is first built,
// not while the app starts.
let holidaysClass: typeof HolidaysType | null = null;
const Holidays = (): typeof HolidaysType =>
  (holidaysClass ??= createRequire(__filename)('date-holidays') as typeof HolidaysType);

export type CalendarSettings = {
  timeZone: string;
  /** German state code (BY, NW, BE, …) whose public holidays close the desk, besides the national ones. */
  state: string;
  week: BusinessCalendar['week'];
  /** Company closure days, "YYYY-MM-DD". */
  closureDays: readonly string[];
};

/** The German states date-holidays knows, for validating a chosen state. */
export const germanStates = (): string[] => Object.keys(new (Holidays())().getStates('DE') ?? {});

/** Public holidays of the state (national ones included) for the given years, as local dates. */
export function publicHolidays(state: string, years: readonly number[]): string[] {
  const holidays = new (Holidays())('DE', state);
  return years.flatMap((year) =>
    holidays
      .getHolidays(year)
      .filter((holiday) => holiday.type === 'public')
      .map((holiday) => holiday.date.slice(0, 10)),
  );
}

/**
 * Closed local dates: the closure days, and the state's public holidays of whatever year a date falls in, loaded
 * per year on first use, so a deadline years ahead (or a ticket years old) sees its holidays too.
 */
function closedDays(state: string, closureDays: readonly string[]): BusinessCalendar['closed'] {
  const closure = new Set(closureDays);
  const holidaysByYear = new Map<number, Set<string>>();
  return {
    has(isoDate) {
      if (closure.has(isoDate)) return true;
      const year = Number(isoDate.slice(0, 4));
      let holidays = holidaysByYear.get(year);
      if (!holidays) {
        holidays = new Set(publicHolidays(state, [year]));
        holidaysByYear.set(year, holidays);
      }
      return holidays.has(isoDate);
    },
  };
}

/** The calendar the SLA maths runs on: opening hours, the state's holidays of every year, closure days. */
export function businessCalendar(settings: CalendarSettings): BusinessCalendar {
  return {
    timeZone: settings.timeZone,
    week: settings.week,
    closed: closedDays(settings.state, settings.closureDays),
  };
}
