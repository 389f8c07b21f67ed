import { describe, expect, it } from 'vitest';
import { addBusinessDays, addBusinessMs, businessMsBetween } from '../../../src/shared/domain/businessTime';
import { businessCalendar } from '../../../src/main/services/slaCalendar';
import { defaultSlaPolicy } from '../../../src/shared/domain/slaPolicy';

const defaultWeek = defaultSlaPolicy.week;

// Mon–Fri 08:00–17:00 Europe/Berlin, Bavarian public holidays. Expected instants are UTC, written by hand:
// Berlin is UTC+1 in winter and UTC+2 in summer (CEST from 29 March to 25 October 2026, to 26 October 2025).
const bavaria = businessCalendar({ timeZone: 'Europe/Berlin', state: 'BY', week: defaultWeek, closureDays: [] });
const berlin = businessCalendar({ timeZone: 'Europe/Berlin', state: 'BE', week: defaultWeek, closureDays: [] });
const closure = businessCalendar({
  timeZone: 'Europe/Berlin',
  state: 'BY',
  week: defaultWeek,
  closureDays: ['2026-12-24', '2026-12-28', '2026-12-29', '2026-12-30', '2026-12-31'],
});
const shortFriday = businessCalendar({
  timeZone: 'Europe/Berlin',
  state: 'BY',
  week: { ...defaultWeek, 5: [{ start: '08:00', end: '14:00' }] },
  closureDays: [],
});
const lunchBreak = businessCalendar({
  timeZone: 'Europe/Berlin',
  state: 'BY',
  week: {
    ...defaultWeek,
    1: [
      { start: '08:00', end: '12:00' },
      { start: '13:00', end: '17:00' },
    ],
  },
  closureDays: [],
});
const t = (iso: string) => Date.parse(iso);
const H = 3_600_000;

describe('adding business hours', () => {
  const cases: [string, string, number, string, typeof bavaria?][] = [
    ['within the day', '2026-11-23T08:00:00Z', 1, '2026-11-23T09:00:00Z'],
    ['over the night', '2026-11-23T15:30:00Z', 1, '2026-11-24T07:30:00Z'],
    ['over the weekend', '2026-11-27T15:00:00Z', 2, '2026-11-30T08:00:00Z'],
    ['from a Saturday', '2026-11-28T09:00:00Z', 1, '2026-11-30T08:00:00Z'],
    ['before opening', '2026-11-23T06:00:00Z', 1, '2026-11-23T08:00:00Z'],
    ['from closing time exactly', '2026-11-23T16:00:00Z', 1, '2026-11-24T08:00:00Z'],
    ['ending exactly at closing time', '2026-11-23T15:00:00Z', 1, '2026-11-23T16:00:00Z'],
    ['a whole day of eight hours', '2026-11-23T08:00:00Z', 8, '2026-11-23T16:00:00Z'],
    ['four hours over a night', '2026-11-23T14:00:00Z', 4, '2026-11-24T09:00:00Z'],
    ['over Christmas (24th open, 25th/26th closed)', '2025-12-24T15:00:00Z', 2, '2025-12-29T08:00:00Z'],
    ['over 3 October', '2025-10-02T14:00:00Z', 2, '2025-10-06T07:00:00Z'],
    ['over Fronleichnam in Bavaria', '2026-06-03T14:00:00Z', 2, '2026-06-05T07:00:00Z'],
    ['Fronleichnam is a working day in Berlin', '2026-06-03T14:00:00Z', 2, '2026-06-04T07:00:00Z', berlin],
    ['over Good Friday and Easter Monday', '2026-04-02T14:00:00Z', 2, '2026-04-07T07:00:00Z'],
    ['over the spring DST switch', '2026-03-27T15:00:00Z', 2, '2026-03-30T07:00:00Z'],
    ['over the autumn DST switch', '2026-10-23T14:00:00Z', 2, '2026-10-26T08:00:00Z'],
    ['over New Year', '2025-12-31T15:00:00Z', 2, '2026-01-02T08:00:00Z'],
    ['over company closure days and New Year', '2026-12-23T15:00:00Z', 2, '2027-01-04T08:00:00Z', closure],
    ['zero from a Saturday is the next opening', '2026-11-28T09:00:00Z', 0, '2026-11-30T07:00:00Z'],
    ['a whole week of 45 hours', '2026-11-23T07:00:00Z', 45, '2026-11-27T16:00:00Z'],
    ['over a lunch break', '2026-11-23T10:30:00Z', 1, '2026-11-23T12:30:00Z', lunchBreak],
  ];
  it.each(cases)('%s', (_, from, hours, expected, calendar = bavaria) => {
    expect(new Date(addBusinessMs(t(from), hours * H, calendar)).toISOString()).toBe(new Date(expected).toISOString());
  });
});

describe('adding business days', () => {
  const cases: [string, string, number, string, typeof bavaria?][] = [
    ['three days from Monday 10:00', '2026-11-23T09:00:00Z', 3, '2026-11-26T09:00:00Z'],
    ['three days from Friday 10:00', '2026-11-27T09:00:00Z', 3, '2026-12-02T09:00:00Z'],
    ['from a Saturday counts from Monday morning', '2026-11-28T09:00:00Z', 3, '2026-12-03T07:00:00Z'],
    ['over Easter', '2026-04-01T08:00:00Z', 2, '2026-04-07T08:00:00Z'],
    ['over the autumn DST switch', '2026-10-23T08:00:00Z', 1, '2026-10-26T09:00:00Z'],
    ['over the spring DST switch', '2026-03-27T09:00:00Z', 1, '2026-03-30T08:00:00Z'],
    ['a shorter target day ends at its closing time', '2026-11-26T15:00:00Z', 1, '2026-11-27T13:00:00Z', shortFriday],
    ['ten days (P4 resolution) over Christmas', '2025-12-17T09:00:00Z', 10, '2026-01-05T09:00:00Z'],
    // 13:30 on the lunch-break Monday is 4.5 business hours into the day; Tuesday has no break: 12:30 local.
    [
      'a Monday with a lunch break keeps the business offset',
      '2026-11-23T12:30:00Z',
      1,
      '2026-11-24T11:30:00Z',
      lunchBreak,
    ],
  ];
  it.each(cases)('%s', (_, from, days, expected, calendar = bavaria) => {
    expect(new Date(addBusinessDays(t(from), days, calendar)).toISOString()).toBe(new Date(expected).toISOString());
  });
});

describe('business time between two instants', () => {
  const cases: [string, string, string, number][] = [
    ['one hour', '2026-11-23T08:00:00Z', '2026-11-23T09:00:00Z', 1],
    ['Friday afternoon to Monday morning', '2026-11-27T15:00:00Z', '2026-11-30T08:00:00Z', 2],
    ['a whole week', '2026-11-22T23:00:00Z', '2026-11-29T23:00:00Z', 45],
    ['over the spring DST switch', '2026-03-26T23:00:00Z', '2026-03-30T10:00:00Z', 13],
    ['Christmas week in Bavaria', '2025-12-21T23:00:00Z', '2025-12-28T23:00:00Z', 27],
    ['backwards is zero', '2026-11-23T10:00:00Z', '2026-11-23T09:00:00Z', 0],
  ];
  it.each(cases)('%s', (_, from, to, hours) => {
    expect(businessMsBetween(t(from), t(to), bavaria) / H).toBe(hours);
  });
});

describe('German states', () => {
  it('the policy offers exactly the states date-holidays knows', async () => {
    const { germanStates } = await import('../../../src/shared/domain/slaPolicy');
    const { germanStates: known } = await import('../../../src/main/services/slaCalendar');
    expect([...germanStates].sort()).toEqual(known().sort());
  });
});

describe('a timeline that grows as the clock moves on', () => {
  it('gives the same deadlines as a fresh calendar, over two years of forward steps', () => {
    const grown = businessCalendar({ timeZone: 'Europe/Berlin', state: 'BY', week: defaultWeek, closureDays: [] });
    const mismatches: string[] = [];
    for (let at = t('2025-01-02T09:30:00Z'); at < t('2027-01-01T00:00:00Z'); at += 3 * 86_400_000 + 17 * 60_000) {
      const fresh = businessCalendar({ timeZone: 'Europe/Berlin', state: 'BY', week: defaultWeek, closureDays: [] });
      const pairs: [number, number][] = [
        [addBusinessDays(at, 3, grown), addBusinessDays(at, 3, fresh)],
        [addBusinessMs(at, 20 * H, grown), addBusinessMs(at, 20 * H, fresh)],
        [businessMsBetween(at - 40 * 86_400_000, at, grown), businessMsBetween(at - 40 * 86_400_000, at, fresh)],
      ];
      for (const [a, b] of pairs) if (a !== b) mismatches.push(`${new Date(at).toISOString()}: ${a} ≠ ${b}`);
    }
    expect(mismatches).toEqual([]);
  });
});
