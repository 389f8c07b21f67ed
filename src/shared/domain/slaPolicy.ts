import { z } from 'zod';
import type { OpeningHours } from './businessTime';
import { prioritySchema, statusSchema } from './enums';
import { rule } from './rule';

export const germanStates = [
  'BB',
  'BE',
  'BW',
  'BY',
  'HB',
  'HE',
  'HH',
  'MV',
  'NI',
  'NW',
  'RP',
  'SH',
  'SL',
  'SN',
  'ST',
  'TH',
] as const;

const clockTime = /^([01]\d|2[0-3]):[0-5]\d$/;
const hhmm = z.string().refine((value) => clockTime.test(value), rule('rule_time', 'a time HH:MM'));
// A round-the-clock desk ends its day at 24:00 (the next midnight), which only an end may say.
const endTime = z
  .string()
  .refine((value) => value === '24:00' || clockTime.test(value), rule('rule_time_end', 'a time HH:MM or 24:00'));
const interval = z.strictObject({ start: hhmm, end: endTime });
const day = z
  .array(interval)
  .max(4)
  // Strictly increasing "HH:MM" strings: each stretch ends after it starts and before the next begins.
  .refine(
    (stretches) => stretches.flatMap((s) => [s.start, s.end]).every((t, i, all) => i === 0 || all[i - 1]! < t),
    rule('rule_hours_order', 'stretches must be in order and not overlap'),
  );

const target = z.union([
  z.strictObject({
    hours: z
      .number()
      .positive()
      .max(24 * 365),
  }),
  z.strictObject({ businessDays: z.int().positive().max(365) }),
]);
const targets = z.strictObject({ firstResponse: target, resolution: target });

const isTimeZone = (zone: string): boolean => {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
};

/** Business hours per ISO weekday; at least one day open. Also the support hours of a service provider. */
export const businessWeekSchema = z
  .strictObject({ '1': day, '2': day, '3': day, '4': day, '5': day, '6': day, '7': day })
  .refine(
    (week) => Object.values(week).some((stretches) => stretches.length > 0),
    rule('rule_hours_empty', 'at least one weekday needs business hours'),
  );

export const timeZoneSchema = z.string().max(64).refine(isTimeZone, rule('rule_time_zone', 'unknown time zone'));

const minutesOf = (hhmm: string): number => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

/** Open hours of one week. */
export const weeklyOpenHours = (week: Record<string, readonly { start: string; end: string }[]>): number =>
  Object.values(week)
    .flat()
    .reduce((sum, stretch) => sum + Math.max(0, minutesOf(stretch.end) - minutesOf(stretch.start)), 0) / 60;

/** A target in hours must be reachable within this many years of the week's hours (the calendar looks further). */
export const TARGET_YEARS = 5;

export const slaPolicySchema = z
  .strictObject({
    targets: z.strictObject(
      Object.fromEntries(prioritySchema.options.map((p) => [p, targets])) as Record<
        (typeof prioritySchema.options)[number],
        typeof targets
      >,
    ),
    week: businessWeekSchema,
    timeZone: timeZoneSchema,
    /** German state whose public holidays (national ones included) close the desk. */
    state: z.enum(germanStates),
    closureDays: z
      .array(z.iso.date())
      .max(366)
      .refine((days) => new Set(days).size === days.length, rule('rule_unique_days', 'closure days listed twice')),
    /** Statuses during which our resolution clock stands still. */
    pausing: z.array(statusSchema.extract(['waitingRequester', 'waitingMsp', 'waitingVendor'])).max(3),
  })
  .superRefine((policy, ctx) => {
    // A deadline the calendar cannot reach would fail every ticket of that priority: refuse it here, by name.
    const weekly = weeklyOpenHours(policy.week);
    const max = Math.floor(weekly * 52 * TARGET_YEARS);
    for (const [priority, clocks] of Object.entries(policy.targets)) {
      for (const [clock, target] of Object.entries(clocks)) {
        if ('hours' in target && target.hours > max)
          ctx.addIssue({
            code: 'custom',
            path: ['targets', priority, clock, 'hours'],
            message: `at most ${max} hours with ${weekly} business hours a week`,
            params: { key: 'rule_target_unreachable', max, weekly },
          });
      }
    }
  });
export type SlaPolicy = z.infer<typeof slaPolicySchema>;

const workday: OpeningHours = [{ start: '08:00', end: '17:00' }];

export const defaultSlaPolicy: SlaPolicy = {
  targets: {
    P1: { firstResponse: { hours: 1 }, resolution: { hours: 4 } },
    P2: { firstResponse: { hours: 2 }, resolution: { hours: 8 } },
    P3: { firstResponse: { hours: 8 }, resolution: { businessDays: 3 } },
    P4: { firstResponse: { businessDays: 2 }, resolution: { businessDays: 10 } },
  },
  week: {
    '1': [...workday],
    '2': [...workday],
    '3': [...workday],
    '4': [...workday],
    '5': [...workday],
    '6': [],
    '7': [],
  },
  timeZone: 'Europe/Berlin',
  state: 'BY',
  closureDays: [],
  pausing: ['waitingRequester'],
};
