import { describe, expect, it } from 'vitest';
import { inWindow, initialTracked, nextTracked, uptimePercent } from '../../../src/shared/domain/monitoringRules';

const config = { downAfter: 3, upAfter: 2, flapLimit: 4 };
const at = (minute: number) => new Date(Date.parse('2026-11-23T08:00:00Z') + minute * 60_000).toISOString();

describe('flap control', () => {
  it('goes down after N failures in a row and comes back after M successes', () => {
    let tracked = initialTracked(at(0));
    const step = (minute: number, outcome: 'ok' | 'failed') => {
      const next = nextTracked(tracked, { at: at(minute), outcome }, config);
      tracked = next.tracked;
      return next.transition;
    };
    expect(step(0, 'ok')).toBe('changed');
    expect(step(1, 'failed')).toBe('none');
    expect(step(2, 'failed')).toBe('none');
    expect(step(3, 'ok')).toBe('none'); // the streak is broken: no outage
    expect([step(4, 'failed'), step(5, 'failed'), step(6, 'failed')]).toEqual(['none', 'none', 'down']);
    expect(tracked).toMatchObject({ state: 'down', since: at(6) });
    expect([step(7, 'ok'), step(8, 'ok')]).toEqual(['none', 'recovered']);
    expect(tracked.state).toBe('up');
  });

  it('marks a check flapping past K flips an hour, and clears it after an hour without one', () => {
    let tracked = initialTracked(at(0));
    const fast = { downAfter: 1, upAfter: 1, flapLimit: 4 };
    for (let minute = 0; minute < 6; minute += 1)
      tracked = nextTracked(tracked, { at: at(minute), outcome: minute % 2 ? 'ok' : 'failed' }, fast).tracked;
    expect(tracked.flips).toHaveLength(6);
    expect(tracked.flapping).toBe(true);
    tracked = nextTracked(tracked, { at: at(30), outcome: 'ok' }, fast).tracked;
    expect(tracked.flapping).toBe(true);
    tracked = nextTracked(tracked, { at: at(66), outcome: 'ok' }, fast).tracked;
    expect(tracked).toMatchObject({ flapping: false, flips: [] });
  });

  it('shows a slow answer as degraded without an outage', () => {
    const next = nextTracked(initialTracked(at(0)), { at: at(1), outcome: 'degraded' }, config);
    expect(next).toMatchObject({ transition: 'changed', tracked: { state: 'degraded' } });
  });
});

describe('maintenance windows', () => {
  const weekly = { kind: 'weekly' as const, days: [7], start: '22:00', end: '02:00' };
  it('reads weekly windows on the Berlin wall clock, past midnight into the next day', () => {
    // Sunday 29 Nov 2026, 22:30 in Berlin is 21:30 UTC; Monday 01:30 Berlin is Monday 00:30 UTC.
    expect(inWindow(weekly, new Date('2026-11-29T21:30:00Z'), 'Europe/Berlin')).toBe(true);
    expect(inWindow(weekly, new Date('2026-11-30T00:30:00Z'), 'Europe/Berlin')).toBe(true);
    expect(inWindow(weekly, new Date('2026-11-30T01:30:00Z'), 'Europe/Berlin')).toBe(false);
    expect(inWindow(weekly, new Date('2026-11-29T20:30:00Z'), 'Europe/Berlin')).toBe(false);
    // Summer time: 22:30 Berlin is 20:30 UTC.
    expect(inWindow(weekly, new Date('2026-07-05T20:30:00Z'), 'Europe/Berlin')).toBe(true);
  });
  it('takes a one-off window from its start up to (not including) its end', () => {
    const once = { kind: 'once' as const, from: '2026-11-23T08:00:00Z', to: '2026-11-23T09:00:00Z' };
    expect(inWindow(once, new Date('2026-11-23T08:00:00Z'), 'Europe/Berlin')).toBe(true);
    expect(inWindow(once, new Date('2026-11-23T09:00:00Z'), 'Europe/Berlin')).toBe(false);
  });
});

describe('uptime', () => {
  it('rounds down so 99.99 % is never shown as 100 %', () => {
    expect(uptimePercent(9999, 10000)).toBe(99.9);
    expect(uptimePercent(0, 0)).toBeNull();
    expect(uptimePercent(5, 5)).toBe(100);
  });
});
