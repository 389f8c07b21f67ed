import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addBusinessDays,
  addBusinessMs,
  businessMsBetween,
  type BusinessCalendar,
  type Weekday,
} from '../../../src/shared/domain/businessTime';
import type { Status } from '../../../src/shared/domain/enums';
import { computeSla } from '../../../src/shared/domain/slaClock';
import { clockAt } from '../../../src/shared/domain/slaSnapshot';
import { statusTransitions } from '../../../src/shared/domain/status';
import {
  addOpenMinutes,
  MINUTE,
  modelClocks,
  openMinutesBetween,
  type ModelCalendar,
  type ModelHistory,
} from '../../support/minuteCalendar';
import { addBusinessDaysByWalking } from '../../support/businessDaysReference';

// Differential test: the production calendar (binary search over a cached timeline, luxon) and clock (span walk)
// against a brute-force model that steps minute by minute (test/support/minuteCalendar.ts).

const RUNS = Number(process.env.SLA_DIFF_RUNS ?? 1000);
const hhmm = (minutes: number) =>
  `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;

// Stretch boundaries on the quarter hour, never strictly inside a local hour that a DST switch skips or repeats
// (01:00–02:00 and 02:00–03:00 in the zones used): a repeated wall time means its first occurrence in production,
// which a minute model cannot express. Stretches may still start, end or span across the switch.
const boundaries = Array.from({ length: 97 }, (_, i) => i * 15).filter((m) => m <= 60 || m === 120 || m >= 180);
const dayArb = fc.uniqueArray(fc.constantFrom(...boundaries), { minLength: 0, maxLength: 6 }).map((points) => {
  const sorted = [...points].sort((a, b) => a - b);
  const stretches: [number, number][] = [];
  for (let i = 0; i + 1 < sorted.length; i += 2) stretches.push([sorted[i]!, sorted[i + 1]!]);
  return stretches;
});
const weekArb = fc
  .tuple(dayArb, dayArb, dayArb, dayArb, dayArb, dayArb, dayArb)
  .filter((days) => days.some((d) => d.length > 0))
  .map((days) => Object.fromEntries(days.map((d, i) => [i + 1, d])) as Record<number, [number, number][]>);

// Windows around both DST switches of 2026 (29 March, 25 October) and an ordinary late-November fortnight.
const windows = [
  Date.parse('2026-03-20T00:00:00Z'),
  Date.parse('2026-10-16T00:00:00Z'),
  Date.parse('2026-11-23T00:00:00Z'),
];
const startArb = fc
  .tuple(fc.constantFrom(...windows), fc.integer({ min: 0, max: 14 * 24 * 60 }))
  .map(([base, minutes]) => base + minutes * MINUTE);

const closedArb = fc.uniqueArray(fc.integer({ min: 0, max: 40 }), { maxLength: 6 });
const zoneArb = fc.constantFrom('Europe/Berlin', 'America/New_York', 'UTC');

type Calendars = { model: ModelCalendar; production: BusinessCalendar };
function calendars(
  timeZone: string,
  week: Record<number, [number, number][]>,
  closedOffsets: number[],
  base: number,
): Calendars {
  const closed = new Set(closedOffsets.map((days) => new Date(base + days * 86_400_000).toISOString().slice(0, 10)));
  const productionWeek = Object.fromEntries(
    Object.entries(week).map(([day, stretches]) => [
      day,
      stretches.map(([s, e]) => ({ start: hhmm(s), end: hhmm(e) })),
    ]),
  ) as Record<Weekday, { start: string; end: string }[]>;
  return { model: { timeZone, week, closed }, production: { timeZone, week: productionWeek, closed } };
}

const calendarArb = fc
  .tuple(zoneArb, weekArb, closedArb, startArb)
  .map(([zone, week, closed, start]) => ({ ...calendars(zone, week, closed, start), start }));

describe('business time against a minute-stepping model', { timeout: 120_000 }, () => {
  it('counts business time between two moments as the model does', () => {
    fc.assert(
      fc.property(calendarArb, fc.integer({ min: 0, max: 10 * 24 * 60 }), ({ model, production, start }, span) => {
        const to = start + span * MINUTE;
        expect(businessMsBetween(start, to, production)).toBe(openMinutesBetween(model, start, to) * MINUTE);
      }),
      { numRuns: RUNS },
    );
  });

  it('adds business time as the model does', () => {
    fc.assert(
      fc.property(calendarArb, fc.integer({ min: 1, max: 60 * 60 }), ({ model, production, start }, minutes) => {
        expect(new Date(addBusinessMs(start, minutes * MINUTE, production)).toISOString()).toBe(
          new Date(addOpenMinutes(model, start, minutes)).toISOString(),
        );
      }),
      { numRuns: RUNS },
    );
  });
});

const allStatuses = Object.keys(statusTransitions) as Status[];
const pausingArb = fc.subarray(['waitingRequester', 'waitingMsp', 'waitingVendor'] as Status[]);

/** A random legal history: status moves along the allowed transitions, gaps of minutes to days. */
const historyArb = fc
  .tuple(
    calendarArb,
    fc.array(fc.tuple(fc.nat(), fc.integer({ min: 1, max: 3 * 24 * 60 })), { maxLength: 7 }),
    fc.option(fc.integer({ min: 0, max: 4 * 24 * 60 }), { nil: null }),
    fc.integer({ min: 0, max: 4 * 24 * 60 }),
    fc.integer({ min: 1, max: 6 * 60 }).map((n) => n * 4),
    fc.integer({ min: 1, max: 20 * 60 }).map((n) => n * 4),
    pausingArb,
    fc.integer({ min: 0, max: 3 * 24 * 60 }),
  )
  .map(([cal, moves, reply, tail, first, resolution, pausing, later]) => {
    let status: Status = 'new';
    let at = cal.start;
    const changes: { at: number; to: Status }[] = [];
    for (const [pick, gap] of moves) {
      const options: readonly Status[] = statusTransitions[status];
      const to: Status = options[pick % options.length]!;
      at += gap * MINUTE;
      changes.push({ at, to });
      status = to;
    }
    const history: ModelHistory = {
      createdAt: cal.start,
      changes,
      firstReplyAt: reply === null ? null : cal.start + reply * MINUTE,
      now: at + tail * MINUTE,
      targetMinutes: { firstResponse: first, resolution },
      pausing: new Set(pausing),
    };
    return { ...cal, history, later: history.now + later * MINUTE };
  });

const productionClocks = (production: BusinessCalendar, h: ModelHistory, now: number) =>
  computeSla({
    createdAt: h.createdAt,
    changes: h.changes,
    firstReplyAt: h.firstReplyAt,
    now,
    targets: {
      firstResponse: { hours: h.targetMinutes.firstResponse / 60 },
      resolution: { hours: h.targetMinutes.resolution / 60 },
    },
    pausing: h.pausing,
    calendar: production,
  });

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

describe('SLA clocks against a minute-stepping model', { timeout: 120_000 }, () => {
  it('agree on state, deadline and elapsed time over random histories (pauses, reopen, breach, DST)', () => {
    const seen = new Set<string>();
    fc.assert(
      fc.property(historyArb, ({ model, production, history }) => {
        const expected = modelClocks(model, history);
        const actual = productionClocks(production, history, history.now);
        for (const [name, clock] of [
          ['first', actual.firstResponse],
          ['resolution', actual.resolution],
        ] as const) {
          const want = expected[name];
          seen.add(`${name}:${want.state}`);
          expect({ state: clock.state, dueAt: iso(clock.dueAt), elapsed: clock.elapsedMs / MINUTE }).toEqual({
            state: want.state,
            dueAt: iso(want.dueAt),
            elapsed: want.elapsedMinutes,
          });
        }
        for (const status of history.changes.map((c) => c.to)) seen.add(`status:${status}`);
      }),
      { numRuns: RUNS },
    );
    // The generator reached every clock state and every status, so the agreement above covers them all.
    for (const state of ['running', 'met', 'breached']) expect(seen).toContain(`first:${state}`);
    for (const state of ['running', 'paused', 'met', 'breached']) expect(seen).toContain(`resolution:${state}`);
    for (const status of allStatuses.filter((s) => s !== 'new')) expect(seen).toContain(`status:${status}`);
  });

  it('a clock stored after the last change tells the same level later as a fresh computation (board = sla.status)', () => {
    fc.assert(
      fc.property(historyArb, ({ production, history, later }) => {
        // A reply recorded between the two moments is a change: the stored clock would be refreshed by it.
        fc.pre(history.firstReplyAt === null || history.firstReplyAt <= history.now || history.firstReplyAt > later);
        const stored = productionClocks(production, history, history.now);
        const fresh = productionClocks(production, history, later);
        for (const name of ['firstResponse', 'resolution'] as const) {
          const fromStored = clockAt(stored[name], later, production);
          const fromFresh = clockAt(fresh[name], later, production);
          expect(fromStored).toEqual(fromFresh);
        }
      }),
      { numRuns: RUNS },
    );
  });
});

describe('business days against the day-by-day walk', { timeout: 120_000 }, () => {
  it('"in N Werktagen" lands where walking the calendar day by day lands (DST, holidays, short and split days)', () => {
    fc.assert(
      fc.property(calendarArb, fc.integer({ min: 0, max: 12 }), ({ production, start }, days) => {
        // A fresh calendar object each time: the timeline is cached per calendar, and both must start cold too.
        const calendar = { ...production };
        expect(new Date(addBusinessDays(start, days, calendar)).toISOString()).toBe(
          new Date(addBusinessDaysByWalking(start, days, production)).toISOString(),
        );
      }),
      { numRuns: RUNS },
    );
  });
});
