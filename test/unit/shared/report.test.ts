import { describe, expect, it } from 'vitest';
import {
  seriesBuckets,
  backlogBucket,
  percentiles,
  periodBounds,
  periodSchema,
  presetPeriod,
  previousPeriod,
} from '../../../src/shared/domain/report';

describe('report periods', () => {
  it('counts Berlin calendar days, across the change of summer time', () => {
    // October 2026 runs from 1 Oct 00:00 CEST to 1 Nov 00:00 CET: 31 days and one hour.
    const october = periodBounds({ from: '2026-10-01', to: '2026-10-31' });
    expect(new Date(october.start).toISOString()).toBe('2026-09-30T22:00:00.000Z');
    expect(new Date(october.end).toISOString()).toBe('2026-10-31T23:00:00.000Z');
    expect((october.end - october.start) / 3_600_000).toBe(31 * 24 + 1);
    const march = periodBounds({ from: '2027-03-28', to: '2027-03-28' });
    expect((march.end - march.start) / 3_600_000).toBe(23);
  });

  it('compares a month with the month before, a month so far with the same days, a week with the week before', () => {
    expect(previousPeriod({ from: '2026-11-01', to: '2026-11-30' })).toEqual({ from: '2026-10-01', to: '2026-10-31' });
    expect(previousPeriod({ from: '2026-03-01', to: '2026-03-31' })).toEqual({ from: '2026-02-01', to: '2026-02-28' });
    expect(previousPeriod({ from: '2026-12-01', to: '2026-12-03' })).toEqual({ from: '2026-11-01', to: '2026-11-03' });
    expect(previousPeriod({ from: '2026-10-01', to: '2026-12-31' })).toEqual({ from: '2026-07-01', to: '2026-09-30' });
    expect(previousPeriod({ from: '2026-11-30', to: '2026-12-03' })).toEqual({ from: '2026-11-23', to: '2026-11-26' });
    expect(previousPeriod({ from: '2026-11-10', to: '2026-11-19' })).toEqual({ from: '2026-10-31', to: '2026-11-09' });
  });

  it('names the presets as of a day', () => {
    expect(presetPeriod('lastMonth', '2026-12-03')).toEqual({ from: '2026-11-01', to: '2026-11-30' });
    expect(presetPeriod('thisWeek', '2026-12-03')).toEqual({ from: '2026-11-30', to: '2026-12-03' });
    expect(presetPeriod('quarter', '2026-12-03')).toEqual({ from: '2026-10-01', to: '2026-12-03' });
  });

  it('refuses a reversed period and one longer than five years', () => {
    expect(periodSchema.safeParse({ from: '2026-12-01', to: '2026-11-01' }).success).toBe(false);
    expect(periodSchema.safeParse({ from: '2020-01-01', to: '2026-01-02' }).success).toBe(false);
    expect(periodSchema.safeParse({ from: '2021-01-01', to: '2026-01-01' }).success).toBe(true);
    expect(periodSchema.safeParse({ from: '2026-02-30', to: '2026-03-01' }).success).toBe(false);
  });
});

describe('figures', () => {
  it('takes median and 90th percentile by nearest rank', () => {
    expect(percentiles([])).toEqual({ median: null, p90: null, count: 0 });
    expect(percentiles([5])).toEqual({ median: 5, p90: 5, count: 1 });
    expect(percentiles([4, 1, 3, 2])).toEqual({ median: 2, p90: 4, count: 4 });
    expect(percentiles([1, 2, 3, 4, 5, 6, 7, 8, 9, 10])).toEqual({ median: 5, p90: 9, count: 10 });
  });

  it('puts an age into its backlog bucket, lower bounds included', () => {
    const h = 3_600_000;
    expect([0, 23 * h, 24 * h, 71 * h, 72 * h, 7 * 24 * h, 28 * 24 * h].map(backlogBucket)).toEqual([
      'd0_1',
      'd0_1',
      'd1_3',
      'd1_3',
      'd3_7',
      'w1_4',
      'over4w',
    ]);
  });
});

describe('trend buckets', () => {
  it('start at Berlin midnight as UTC hours, across the end of summer time', () => {
    const { unit, buckets } = seriesBuckets({ from: '2026-10-24', to: '2026-10-26' });
    expect(unit).toBe('day');
    expect(buckets).toEqual([
      { from: '2026-10-24', startHour: '2026-10-23T22' },
      { from: '2026-10-25', startHour: '2026-10-24T22' },
      { from: '2026-10-26', startHour: '2026-10-25T23' },
    ]);
  });

  it('are weeks from Monday within a year and months beyond, the first starting with the period', () => {
    const weeks = seriesBuckets({ from: '2026-01-01', to: '2026-12-31' });
    expect(weeks.unit).toBe('week');
    expect(weeks.buckets.slice(0, 2).map((b) => b.from)).toEqual(['2026-01-01', '2026-01-05']);
    expect(weeks.buckets.at(-1)?.from).toBe('2026-12-28');
    const months = seriesBuckets({ from: '2025-03-15', to: '2026-11-30' });
    expect(months.unit).toBe('month');
    expect(months.buckets.map((b) => b.from).slice(0, 3)).toEqual(['2025-03-15', '2025-04-01', '2025-05-01']);
    expect(months.buckets).toHaveLength(21);
  });
});
